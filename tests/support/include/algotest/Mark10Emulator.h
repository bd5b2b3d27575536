#pragma once
// Mark-10 Series 4/5/7 serial behaviour: "?" → "-18.78 lbF\r\n"; unknown command → "*10".
#include <string>

#include "algocal/Units.h"
#include "algotest/GaugeEmulator.h"

namespace algotest {

/// Emulated Mark-10 gauge.
class Mark10Emulator final : public GaugeEmulator {
public:
    /// `unit_spelling` as the gauge prints it ("lbF", "N", "kgF", "ozF", "gF", "mN", "kN");
    /// empty for numeric-only output (value in `unit`).
    Mark10Emulator(algocal::ForceUnit unit = algocal::ForceUnit::kPoundForce,
                   std::string unit_spelling = "lbF", int decimals = 2);

    /// Answer "?" with error code *NN while code is non-zero.
    void reply_with_error(int code) { error_code_ = code; }

protected:
    std::string answer(std::string_view command) override;

private:
    algocal::ForceUnit unit_;
    std::string unit_spelling_;
    int decimals_;
    int error_code_ = 0;
};

} // namespace algotest
