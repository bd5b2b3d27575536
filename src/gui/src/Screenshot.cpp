#include "algogui/Screenshot.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QSet>
#include <QWidget>

#ifdef ALGOGUI_HAS_SIMULATOR
#include "algosim/SimulatedAlgometer.h"
#endif

namespace algogui {

bool save_widget_png(QWidget& widget, const QString& path, QString* error) {
    const QFileInfo target(path);
    if (!target.absoluteDir().exists()) {
        if (error) *error = QStringLiteral("folder %1 does not exist").arg(target.absolutePath());
        return false;
    }
    const QPixmap pixmap = widget.grab();
    if (pixmap.isNull()) {
        if (error) *error = QStringLiteral("the window could not be rendered");
        return false;
    }
    if (!pixmap.save(path, "PNG")) {
        if (error) *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

int distinct_colours(const QImage& image, int stop_after) {
    QSet<QRgb> seen;
    // Every 3rd pixel in both directions is enough to tell a real picture from a blank one.
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            seen.insert(image.pixel(x, y));
            if (seen.size() >= stop_after) return static_cast<int>(seen.size());
        }
    }
    return static_cast<int>(seen.size());
}

QStringList simulator_scenarios() {
    QStringList names;
#ifdef ALGOGUI_HAS_SIMULATOR
    for (const std::string& name : algosim::SimulatedAlgometer::scenario_names())
        names.append(QString::fromStdString(name));
#endif
    return names;
}

} // namespace algogui
