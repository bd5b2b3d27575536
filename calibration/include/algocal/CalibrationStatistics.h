#pragma once
// Figures of merit of a load-cell calibration (ASTM E74 style), computed from the points and
// the fit of reading against applied load.
#include <string>
#include <vector>

namespace algocal {

/// Statistics of one calibration. Percentages are of the full-scale reading span
/// (fit at the largest applied load minus fit at the smallest).
struct CalibrationStatistics {
    double full_scale_load_n = 0.0;           ///< largest applied load
    double full_scale_reading = 0.0;          ///< reading span over the calibrated range
    double max_nonlinearity_percent_fs = 0.0; ///< terminal-line deviation of ascending means
    bool has_hysteresis = false;              ///< ascending and descending points at one load
    double hysteresis_percent_fs = 0.0;       ///< max |descending - ascending| at one load and run
    bool has_repeatability = false;           ///< several runs at one load and direction
    double repeatability_percent_fs = 0.0;    ///< max spread (max - min) between runs
    bool has_zero_return = false;             ///< a run starts and ends at zero load
    double zero_return_percent_fs = 0.0;      ///< max |last zero - first zero| within a run
    double lower_limit_factor = 0.0;          ///< E74 LLF = 2.4 × residual SD, reading units
    double lower_limit_factor_n = 0.0; ///< the same in newtons (through the mean sensitivity)
    double lower_force_limit_class_a_n = 0.0;  ///< 400 × LLF (E74 Class A)
    double lower_force_limit_class_aa_n = 0.0; ///< 2000 × LLF (E74 Class AA)
    int recommended_degree = 1;                ///< lowest degree whose next term is not significant
    std::string recommendation_reason;         ///< sentence explaining the choice
};

} // namespace algocal
