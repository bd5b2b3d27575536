#pragma once
// What the user picked in the device bar: a port (or the built-in simulated algometer), a
// driver and the probe tip.
#include <QString>

namespace algogui {

/// The port name that means "run the simulated algometer in-process".
inline const QString kSimulatedPort = QStringLiteral("Simulated algometer");

/// One connection request.
struct DeviceChoice {
    QString port = kSimulatedPort;
    QString driver = QStringLiteral("auto"); ///< a name from algocore::driver_names()
    unsigned baud = 115200;
    double probe_area_cm2 = 1.0;

    // Simulated algometer only.
    QString scenario = QStringLiteral("sustained-hold"); ///< built-in scenarios loop forever
    double sim_rate_hz = 1000.0;
    unsigned sim_batch = 10;         ///< samples per frame; 1 = lowest latency
    double sim_unplug_after_s = 0.0; ///< demos: the device vanishes after this long; 0 = never

    bool is_simulated() const { return port == kSimulatedPort; }
};

} // namespace algogui
