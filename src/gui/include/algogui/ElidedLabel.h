#pragma once
// A label for text that may be longer than the room a narrow window leaves it (a device's
// model name, a file path): it shows what fits with "…" at the end instead of cutting a glyph
// in half, and its tooltip always holds the whole text.
#include <QLabel>

namespace algogui {

/// One line of plain text, elided on the right when it does not fit.
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    /// Sets the text and the tooltip that shows it whole.
    void set_full_text(const QString& text);
    /// The text as drawn now ("…" at the end when it is cut).
    QString shown_text() const;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
};

} // namespace algogui
