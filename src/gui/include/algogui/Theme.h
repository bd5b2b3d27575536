#pragma once
// Colours and sizes of the live view. High contrast on a light background: the therapist
// reads it at a glance from two metres, under clinic lighting. Every state colour is paired
// with a word and a shape elsewhere, so nothing depends on colour alone.
#include <QColor>

namespace algogui::theme {

inline const QColor kBackground{0xff, 0xff, 0xff};
inline const QColor kText{0x10, 0x10, 0x10};
inline const QColor kMutedText{0x40, 0x40, 0x40};
inline const QColor kPanel{0xee, 0xf0, 0xf3};

// Band states: dark enough that white text on them passes WCAG AA (≥ 4.5:1).
inline const QColor kBelow{0x1f, 0x4e, 0xa8};     // blue
inline const QColor kInBand{0x17, 0x6b, 0x2c};    // green
inline const QColor kAbove{0x9a, 0x56, 0x00};     // amber-brown
inline const QColor kOverLimit{0xb0, 0x00, 0x20}; // red
inline const QColor kNoSignal{0x55, 0x55, 0x55};  // grey
// Not connected: a bluish slate, so "nothing open" is told from "signal lost" at a glance.
inline const QColor kNotConnected{0x4a, 0x55, 0x68};

inline const QColor kBandFill{0x17, 0x6b, 0x2c, 0x40};
inline const QColor kTrace{0x10, 0x10, 0x10};
inline const QColor kCorridor{0x6a, 0x1b, 0x9a};
inline const QColor kGrid{0xd0, 0xd0, 0xd0};
inline const QColor kOperatorMark{0xff, 0xc1, 0x07};
inline const QColor kPatientMark{0xe0, 0x40, 0xfb};
inline const QColor kManualMark{0x00, 0x96, 0x88};

inline const QColor kBannerError{0xb0, 0x00, 0x20};
inline const QColor kBannerWarning{0xff, 0xd5, 0x4f};
inline const QColor kBannerInfo{0xd6, 0xe4, 0xff};

} // namespace algogui::theme
