#include "algogui/treatment/PrescriptionText.h"

namespace algogui {

using algocore::protocols::Prescription;
using algocore::protocols::PressureAnchor;

namespace {

QString anchor_words(PressureAnchor anchor) {
    switch (anchor) {
    case PressureAnchor::Absolute: return QStringLiteral("kPa");
    case PressureAnchor::Ppt: return QStringLiteral("% of PPT");
    case PressureAnchor::Tolerance: return QStringLiteral("% of tolerance");
    case PressureAnchor::PptToleranceMid: return QStringLiteral("% of (PPT + tolerance)/2");
    }
    return {};
}

} // namespace

QString prescription_title(const Prescription& p) {
    if (p.name == "ppt_90s") return QStringLiteral("PPT held 90 s");
    if (p.name == "hou_2002_midpoint") return QStringLiteral("(PPT + tolerance)/2 held 60 s");
    if (p.name == "de_meulemeester_2017")
        return QStringLiteral("Highest tolerable pressure held 60 s");
    if (p.name == "simons_barrier_release") return QStringLiteral("Barrier release (Simons)");
    return QString::fromStdString(p.name);
}

QString band_text(const Prescription& p) {
    const QString dash = QStringLiteral("–");
    if (p.low.anchor == p.high.anchor) {
        return QStringLiteral("%1%2%3 %4")
            .arg(p.low.value, 0, 'f', 0)
            .arg(dash)
            .arg(p.high.value, 0, 'f', 0)
            .arg(anchor_words(p.low.anchor));
    }
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(p.low.value, 0, 'f', 0)
        .arg(anchor_words(p.low.anchor), dash)
        .arg(p.high.value, 0, 'f', 0)
        .arg(anchor_words(p.high.anchor));
}

} // namespace algogui
