// One probe-area range (algocal/ProbeArea.h) for every entry point of the core: the visit the
// Thresholds page and the CLI begin, the calibration setup the wizard and `calibrate new`
// check, and the acquisition every front end starts. Each accepts the ends of the range and
// refuses just outside it with the same words.
#include <gtest/gtest.h>

#include <cmath>

#include "algocal/ProbeArea.h"
#include "algocore/acquisition/Acquisition.h"
#include "algocore/session/CalibrationSession.h"
#include "algocore/session/Visit.h"

using namespace algocore;

namespace {

std::string visit_problem(double area_cm2) {
    session::Visit visit;
    visit.subject_code = "S1";
    visit.probe_cm2 = area_cm2;
    return session::check_visit(visit);
}

std::string calibration_problem(double area_cm2) {
    session::CalibrationSetup setup;
    setup.device_serial = "SIM-00000001";
    setup.operator_name = "Ada";
    setup.reference_standards = {{"W-1", "", 0.01, 2.0}};
    setup.probe_area_cm2 = area_cm2;
    return session::check_setup(setup);
}

std::string acquisition_problem(double area_cm2) {
    AcquisitionConfig config;
    config.port = "/dev/null";
    config.driver = "telepathy"; // refused after the probe area, so no thread ever starts
    config.probe_area_cm2 = area_cm2;
    std::string error;
    Acquisition(config).start(&error);
    return error.find("probe area") == std::string::npos ? std::string() : error;
}

} // namespace

TEST(ProbeAreaRange, IsOneHundredthToTenSquareCentimetres) {
    EXPECT_EQ(algocal::kMinProbeAreaCm2, 0.01);
    EXPECT_EQ(algocal::kMaxProbeAreaCm2, 10.0);
    EXPECT_EQ(algocal::probe_area_range_text(), "0.01 to 10 cm\u00b2");
    EXPECT_FALSE(algocal::probe_area_in_range(std::nan("")));
}

TEST(ProbeAreaRange, TheVisitTheCalibrationAndTheAcquisitionAcceptTheSameRange) {
    for (const double inside : {0.01, 1.0, 10.0}) {
        SCOPED_TRACE(inside);
        EXPECT_EQ(visit_problem(inside), "");
        EXPECT_EQ(calibration_problem(inside), "");
        EXPECT_EQ(acquisition_problem(inside), "");
    }
    for (const double outside : {0.0099, 10.01, 50.0}) {
        SCOPED_TRACE(outside);
        EXPECT_EQ(visit_problem(outside), "the probe area must be 0.01 to 10 cm\u00b2");
        EXPECT_EQ(calibration_problem(outside), "the probe area must be 0.01 to 10 cm\u00b2");
        EXPECT_NE(acquisition_problem(outside).find("0.01 to 10 cm\u00b2"), std::string::npos);
    }
}
