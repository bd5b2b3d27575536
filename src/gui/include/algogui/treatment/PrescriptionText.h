#pragma once
// Words for a prescription: the preset's title as a therapist says it and the band in the
// units it was prescribed in. (The stored JSON text is algocore's prescription_to_json.)
#include <QString>

#include "algocore/protocols/Prescription.h"

namespace algogui {

/// "PPT held 90 s", "(PPT + tolerance)/2 held 60 s", ...; the key for a custom prescription.
QString prescription_title(const algocore::protocols::Prescription& prescription);
/// "90–110 % of PPT", "300–400 kPa".
QString band_text(const algocore::protocols::Prescription& prescription);

} // namespace algogui
