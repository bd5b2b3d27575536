#pragma once
// A label for a few words that must be read from across the room (a treatment prompt, a
// state): the font is as large as asked when the room allows, and shrinks, down to a floor,
// when the window is narrow; below the floor the words wrap onto a second line. The text is
// never cut. Its width comes from the layout, never from the text, so a long prompt cannot
// push the window wider than the screen.
#include <QLabel>

namespace algogui {

/// One or two lines of large text fitted to the label's width.
class FittedLabel : public QLabel {
    Q_OBJECT
public:
    /// largest_px: the size when there is room; smallest_px: the floor before wrapping.
    FittedLabel(int largest_px, int smallest_px, QWidget* parent = nullptr);

    void set_text(const QString& text);
    /// New sizes (the coach view scales them with the window's height).
    void set_pixel_range(int largest_px, int smallest_px);
    /// The pixel size in use now.
    int pixel_size() const { return font().pixelSize(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fit();

    int largest_px_;
    int smallest_px_;
};

} // namespace algogui
