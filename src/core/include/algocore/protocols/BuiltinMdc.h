#pragma once
// The built-in minimal detectable changes (MDC95) of the site library: the one table every
// change verdict falls back on when the lab has not stored its own (site_mdc). The site
// library and the MDC lookup (history::MdcLookup) both read it here; the values and their
// sources are in BuiltinMdc.cpp.
#include <optional>
#include <string>

namespace algocore::protocols {

/// A built-in MDC and where it comes from.
struct BuiltinMdc {
    double mdc_kpa = 0.0;
    /// Short source for provenance lines: "Walton et al. 2011" or "estimate".
    const char* source = "";
};

/// The built-in MDC of a site by its key ("upper_trapezius"); nullopt for a site the table does
/// not know.
std::optional<BuiltinMdc> builtin_mdc_of(const std::string& site_key);

/// The MDC used for a site the table does not know, kPa.
inline constexpr double kFallbackMdcKpa = 50.0;

} // namespace algocore::protocols
