#pragma once
// When the probe is on the skin: the one home of the contact pressure. A PPT ramp starts
// here, a hold's dose (contact time, mean, median, CV) counts from here, the live view and the
// coach call the probe "on the skin" from here, and a training recording or attempt starts
// here. Every view and command asks these two numbers; none keeps its own.
//
// Why 10 kPa (and not the 15 the GUI once used): the PPT ramp start and a hold's contact time
// are stored with every record and have always been judged at 10 kPa, so that is what a
// stored record means by "contact"; on the standard 1 cm² tip it is about 100 gf, well above a
// probe resting lightly on the skin (~1 kPa) and below any therapeutic or threshold pressure.
namespace algocore::protocols {

/// The probe is on the skin at or above this pressure (kPa).
inline constexpr double kProbeOnSkinKpa = 10.0;

/// The probe is lifted (or resting lightly) below this pressure (kPa): a PPT trial is armed
/// only from here, and a training attempt waits for it before the next touch.
inline constexpr double kProbeLiftedKpa = kProbeOnSkinKpa / 2.0;

} // namespace algocore::protocols
