#pragma once
// Colours of the body map that are not on the threshold scale: kept apart from the
// red-yellow-blue scale so a ring is never mistaken for a value.
#include <QColor>

namespace algogui::bodymap_palette {

inline const QColor kEmptyFill{0xff, 0xff, 0xff};
inline const QColor kEmptyOutline{0x6b, 0x74, 0x7c};
inline const QColor kAsymmetry{0x7b, 0x1f, 0xa2}; // purple
inline const QColor kSelection{0x10, 0x10, 0x10};
inline const QColor kValueOutline{0x20, 0x20, 0x20};
// A referred-pain zone: translucent magenta over the outline, so the markers stay readable.
inline const QColor kZoneFill{0xd8, 0x1b, 0x60, 120};
// The regions' edges while a zone is drawn.
inline const QColor kRegionEdge{0x6b, 0x74, 0x7c, 140};

} // namespace algogui::bodymap_palette
