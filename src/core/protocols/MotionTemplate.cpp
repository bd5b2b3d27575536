#include "algocore/protocols/MotionTemplate.h"

#include <algorithm>
#include <utility>

namespace algocore::protocols {

const char* to_string(TemplateKind kind) {
    switch (kind) {
    case TemplateKind::Hold: return "hold";
    case TemplateKind::Ramp: return "ramp";
    }
    return "unknown";
}

MotionTemplate::MotionTemplate(TemplateKind kind, std::string name,
                               std::vector<TemplatePoint> points)
    : kind_(kind), name_(std::move(name)), points_(std::move(points)) {}

MotionTemplate MotionTemplate::from_trace(TemplateKind kind, std::string name,
                                          const std::vector<Sample>& trace) {
    std::vector<TemplatePoint> points;
    points.reserve(trace.size());
    const double t0 = trace.empty() ? 0.0 : trace.front().t_s;
    for (const Sample& s : trace)
        points.push_back({s.t_s - t0, s.pressure_kpa});
    return MotionTemplate(kind, std::move(name), std::move(points));
}

ConfigCheck MotionTemplate::validate() const {
    if (points_.size() < 2)
        return ConfigCheck::bad("points", "a template needs at least two samples");
    for (std::size_t i = 1; i < points_.size(); ++i)
        if (!(points_[i].t_rel_s > points_[i - 1].t_rel_s))
            return ConfigCheck::bad("points", "template times must increase");
    return ConfigCheck::good();
}

double MotionTemplate::pressure_at(double t_rel_s) const {
    if (points_.empty()) return 0.0;
    if (t_rel_s <= points_.front().t_rel_s) return points_.front().pressure_kpa;
    if (t_rel_s >= points_.back().t_rel_s) return points_.back().pressure_kpa;
    const auto after =
        std::upper_bound(points_.begin(), points_.end(), t_rel_s,
                         [](double t, const TemplatePoint& p) { return t < p.t_rel_s; });
    const auto before = after - 1;
    const double span = after->t_rel_s - before->t_rel_s;
    const double w = span > 0.0 ? (t_rel_s - before->t_rel_s) / span : 0.0;
    return before->pressure_kpa + w * (after->pressure_kpa - before->pressure_kpa);
}

double MotionTemplate::duration_s() const {
    return points_.empty() ? 0.0 : points_.back().t_rel_s - points_.front().t_rel_s;
}

} // namespace algocore::protocols
