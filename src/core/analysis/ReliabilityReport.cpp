#include "algocore/analysis/ReliabilityReport.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "algocore/export/CsvWriter.h"
#include "algoinput/JsonText.h"

namespace algocore::analysis {

namespace {

// Ordered, so the keys read in the order the documentation lists them.
using json = nlohmann::ordered_json;

json number(double x) {
    return std::isfinite(x) ? json(x) : json(nullptr);
}

json interval(const Interval& i) {
    return json::array({number(i.low), number(i.high)});
}

std::string cell(double x) {
    if (!std::isfinite(x)) return "";
    char text[40];
    std::snprintf(text, sizeof text, "%.10g", x);
    return text;
}

} // namespace

std::string reliability_json(const ReliabilityResult& r, const std::vector<std::string>& raters) {
    json out;
    out["n_subjects"] = r.n_subjects;
    out["n_raters"] = r.n_raters;
    out["n_dropped"] = r.n_dropped;
    out["raters"] = raters;
    json iccs = json::array();
    for (const IccEstimate& e : r.icc.estimates) {
        iccs.push_back({{"form", to_string(e.form)},
                        {"value", number(e.icc)},
                        {"ci_low", number(e.ci_low)},
                        {"ci_high", number(e.ci_high)},
                        {"f", number(e.f)},
                        {"df1", number(e.df1)},
                        {"df2", number(e.df2)},
                        {"p", number(e.p)}});
    }
    out["icc"] = iccs;
    out["sem"] = number(r.sem);
    out["sem_formula"] = r.sem_formula;
    out["mdc95"] = number(r.mdc95);
    out["repeatability_coefficient"] = number(r.repeatability_coefficient);
    out["convention"] = r.convention;
    if (r.bland_altman) {
        const BlandAltman& ba = *r.bland_altman;
        out["bland_altman"] = {{"first", ba.first_rater},
                               {"second", ba.second_rater},
                               {"n", ba.n},
                               {"bias", number(ba.bias)},
                               {"sd", number(ba.sd)},
                               {"loa_low", number(ba.loa_low)},
                               {"loa_high", number(ba.loa_high)},
                               {"bias_ci", interval(ba.bias_ci)},
                               {"loa_low_ci", interval(ba.loa_low_ci)},
                               {"loa_high_ci", interval(ba.loa_high_ci)}};
    }
    return algoinput::json_text(out);
}

void write_reliability_csv(const ReliabilityResult& r, std::ostream& out) {
    exporting::CsvWriter csv(out);
    csv.row({"form", "icc", "ci_low", "ci_high", "f", "df1", "df2", "p"});
    for (const IccEstimate& e : r.icc.estimates)
        csv.row({to_string(e.form), cell(e.icc), cell(e.ci_low), cell(e.ci_high), cell(e.f),
                 cell(e.df1), cell(e.df2), cell(e.p)});
    csv.row({});
    csv.row({"figure", "value", "ci_low", "ci_high", "note"});
    csv.row({"n_subjects", std::to_string(r.n_subjects), "", "",
             std::to_string(r.n_dropped) + " dropped for missing cells"});
    csv.row({"n_raters", std::to_string(r.n_raters), "", "", ""});
    csv.row({"sem", cell(r.sem), "", "", r.sem_formula});
    csv.row({"mdc95", cell(r.mdc95), "", "", "MDC95 = 1.96 * sqrt(2) * SEM"});
    csv.row({"repeatability_coefficient", cell(r.repeatability_coefficient), "", "",
             "1.96 * sqrt(2) * sqrt(MSW)"});
    if (r.bland_altman) {
        const BlandAltman& ba = *r.bland_altman;
        const std::string pair = ba.first_rater + " - " + ba.second_rater;
        csv.row({"bias", cell(ba.bias), cell(ba.bias_ci.low), cell(ba.bias_ci.high), pair});
        csv.row({"sd_of_differences", cell(ba.sd), "", "", pair});
        csv.row({"loa_low", cell(ba.loa_low), cell(ba.loa_low_ci.low), cell(ba.loa_low_ci.high),
                 "bias - " + cell(ba.z) + " SD"});
        csv.row({"loa_high", cell(ba.loa_high), cell(ba.loa_high_ci.low), cell(ba.loa_high_ci.high),
                 "bias + " + cell(ba.z) + " SD"});
    }
    csv.row({"convention", "", "", "", r.convention});
}

} // namespace algocore::analysis
