// The workbench feeds the live view's rules every frame, headless: a scripted source of
// samples is a live signal, a frame without samples lets time pass, and the band and hold
// follow the targets. What the GUI's live panel and coach view show, the CLI and tests see.
#include <gtest/gtest.h>

#include <vector>

#include "algocore/session/Workbench.h"

using namespace algocore;
using live::LinkState;
using live::SignalState;

namespace {

std::vector<Sample> steady(double from_s, double to_s, double kpa) {
    std::vector<Sample> out;
    for (double t = from_s; t < to_s - 1e-9; t += 0.01) {
        Sample s;
        s.t_s = t;
        s.pressure_kpa = kpa;
        s.force_n = kpa / 10.0;
        out.push_back(s);
    }
    return out;
}

} // namespace

TEST(WorkbenchLive, NothingConnectedIsNotConnected) {
    session::Workbench wb;
    wb.poll();
    EXPECT_EQ(wb.live().signal_state(), SignalState::NotConnected);
    EXPECT_FALSE(wb.live().has_sample());
}

TEST(WorkbenchLive, AScriptedSourceIsALiveSignalWithItsBandAndHold) {
    session::Workbench wb;
    live::LiveTargets targets;
    targets.band_low_kpa = 300;
    targets.band_high_kpa = 400;
    targets.hold_s = 2;
    wb.live().set_targets(targets);
    for (double t = 0.0; t < 3.0; t += 0.1)
        wb.feed_frame(steady(t, t + 0.1, 350));
    EXPECT_EQ(wb.live().link_state(), LinkState::Connected);
    EXPECT_EQ(wb.live().signal_state(), SignalState::Live);
    EXPECT_EQ(wb.live().band_state(), protocols::BandState::InBand);
    EXPECT_TRUE(wb.live().hold_timer().complete());
    EXPECT_DOUBLE_EQ(wb.live().latest().pressure_kpa, 350.0);
}

TEST(WorkbenchLive, AFailedConnectionIsNotConnectedAndSaysSo) {
    session::Workbench wb;
    AcquisitionConfig config;
    config.port = ""; // refused before any I/O: no port given
    config.driver = "native";
    std::string error;
    EXPECT_FALSE(wb.connect(config, &error));
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(wb.live().link_state(), LinkState::Failed);
    EXPECT_EQ(wb.live().signal_state(), SignalState::NotConnected);
}
