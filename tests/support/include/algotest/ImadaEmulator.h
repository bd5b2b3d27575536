#pragma once
// Imada DS2 serial behaviour: "D" → "+012.34NTO\r\n" (value, unit letter N/K/O, mode T/P,
// judgement letter).
#include "algocal/Units.h"
#include "algotest/GaugeEmulator.h"

namespace algotest {

/// Emulated Imada DS2.
class ImadaEmulator final : public GaugeEmulator {
public:
    /// unit: Newton, KilogramForce or PoundForce (the DS2's three).
    explicit ImadaEmulator(algocal::ForceUnit unit = algocal::ForceUnit::kNewton, char mode = 'T',
                           char judgement = 'O');

protected:
    std::string answer(std::string_view command) override;

private:
    algocal::ForceUnit unit_;
    char mode_;
    char judgement_;
};

} // namespace algotest
