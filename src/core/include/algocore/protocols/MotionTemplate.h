#pragma once
// An expert's hold or ramp recorded as a template a student is compared against (ghost
// overlay). Time is relative to the start of the recording.
#include <string>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/ConfigCheck.h"

namespace algocore::protocols {

enum class TemplateKind { Hold, Ramp };
const char* to_string(TemplateKind kind);

struct TemplatePoint {
    double t_rel_s = 0.0;
    double pressure_kpa = 0.0;
};

class MotionTemplate {
public:
    MotionTemplate() = default;
    MotionTemplate(TemplateKind kind, std::string name, std::vector<TemplatePoint> points);

    /// Records a template from a trace; time 0 is the first sample.
    static MotionTemplate from_trace(TemplateKind kind, std::string name,
                                     const std::vector<Sample>& trace);

    /// Refuses an empty template or times that do not increase.
    ConfigCheck validate() const;
    /// Template pressure at t_rel_s by linear interpolation (held at the ends).
    double pressure_at(double t_rel_s) const;
    double duration_s() const;
    TemplateKind kind() const { return kind_; }
    const std::string& name() const { return name_; }
    const std::vector<TemplatePoint>& points() const { return points_; }

private:
    TemplateKind kind_ = TemplateKind::Hold;
    std::string name_;
    std::vector<TemplatePoint> points_;
};

} // namespace algocore::protocols
