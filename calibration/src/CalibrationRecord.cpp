#include "algocal/CalibrationRecord.h"

#include "algocal/FitInverter.h"

namespace algocal {

ForceFromReading force_from_reading(const CalibrationRecord& record, double reading) {
    return FitInverter(record.fit).invert(reading);
}

bool fit_is_monotonic(const PolynomialFit& fit) {
    return FitInverter(fit).usable();
}

} // namespace algocal
