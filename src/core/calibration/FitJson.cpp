#include "algocore/calibration/FitJson.h"
#include "algoinput/JsonText.h"

#include <nlohmann/json.hpp>

namespace algocore {

std::string polynomial_fit_to_json(const algocal::PolynomialFit& fit) {
    const nlohmann::ordered_json json{
        {"degree", fit.degree},         {"coefficients", fit.coefficients},
        {"std_errors", fit.std_errors}, {"residual_sd", fit.residual_sd},
        {"r_squared", fit.r_squared},   {"n", fit.n}};
    return algoinput::json_text(json);
}

} // namespace algocore
