#include "algocore/protocols/PrescriptionJson.h"
#include "algoinput/JsonText.h"

#include <nlohmann/json.hpp>

namespace algocore::protocols {

namespace {

nlohmann::json ref_json(const PressureRef& ref) {
    return {{"anchor", to_string(ref.anchor)}, {"value", ref.value}};
}

PressureRef ref_from(const nlohmann::json& j, const char* field) {
    PressureRef ref;
    if (!parse_anchor(j.at("anchor").get<std::string>(), ref.anchor))
        throw std::invalid_argument(std::string("unknown anchor in '") + field + "'");
    ref.value = j.at("value").get<double>();
    return ref;
}

} // namespace

bool parse_anchor(const std::string& text, PressureAnchor& out) {
    for (PressureAnchor a : {PressureAnchor::Absolute, PressureAnchor::Ppt,
                             PressureAnchor::Tolerance, PressureAnchor::PptToleranceMid}) {
        if (text == to_string(a)) {
            out = a;
            return true;
        }
    }
    return false;
}

std::string prescription_to_json(const Prescription& p) {
    nlohmann::json j = {{"name", p.name},
                        {"source", p.source},
                        {"low", ref_json(p.low)},
                        {"high", ref_json(p.high)},
                        {"limit", p.limit ? ref_json(*p.limit) : nlohmann::json(nullptr)},
                        {"hold_s", p.hold_s},
                        {"grace_s", p.grace_s},
                        {"step_ups", p.step_ups},
                        {"hold_until_release", p.hold_until_release},
                        {"repetitions", p.repetitions},
                        {"rest_s", p.rest_s},
                        {"stretch_s", p.stretch_s}};
    return algoinput::json_text(j);
}

std::optional<Prescription> prescription_from_json(const std::string& text, std::string* error) {
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        Prescription p;
        p.name = j.at("name").get<std::string>();
        p.source = j.at("source").get<std::string>();
        p.low = ref_from(j.at("low"), "low");
        p.high = ref_from(j.at("high"), "high");
        if (!j.at("limit").is_null()) p.limit = ref_from(j.at("limit"), "limit");
        p.hold_s = j.at("hold_s").get<double>();
        p.grace_s = j.at("grace_s").get<double>();
        p.step_ups = j.at("step_ups").get<int>();
        p.hold_until_release = j.at("hold_until_release").get<bool>();
        p.repetitions = j.at("repetitions").get<int>();
        p.rest_s = j.at("rest_s").get<double>();
        p.stretch_s = j.at("stretch_s").get<double>();
        return p;
    } catch (const std::exception& e) {
        if (error) *error = std::string("prescription: ") + e.what();
        return std::nullopt;
    }
}

std::optional<Prescription> prescription_preset(const std::string& name) {
    for (const Prescription& p : Prescription::presets())
        if (p.name == name) return p;
    return std::nullopt;
}

} // namespace algocore::protocols
