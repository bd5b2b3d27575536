#pragma once
// The one place a site's minimal detectable change (MDC) is looked up for a "real change"
// verdict, with where the number came from. A lab's own MDC (from its reliability data) wins
// when a provider knows one; otherwise the built-in default: the site library's value, the
// literature table (Walton et al. 2011) by name, or the table's fallback.
#include <functional>
#include <optional>
#include <string>

#include "algocore/storage/Records.h"

namespace algocore::history {

/// Where an MDC came from.
enum class MdcOrigin { ThisLab, BuiltInDefault };
/// "this lab", "built-in default".
const char* to_string(MdcOrigin origin);

/// An MDC with its provenance.
struct MdcValue {
    double mdc_kpa = 0.0;
    MdcOrigin origin = MdcOrigin::BuiltInDefault;
    std::string provenance; ///< one line: "built-in default (site library)", "this lab: ..."
};

/// A lab's own MDC for a site and side (for example from a stored site_mdc table), or nullopt.
using LabMdcProvider =
    std::function<std::optional<MdcValue>(const storage::Site& site, storage::BodySide side)>;

/// The built-in default MDC of a site (never the lab's).
MdcValue builtin_mdc(const storage::Site& site);

/// The MDC a verdict uses: the lab's when the provider has one, else the built-in default.
class MdcLookup {
public:
    MdcLookup() = default;
    explicit MdcLookup(LabMdcProvider lab) : lab_(std::move(lab)) {}
    MdcValue mdc(const storage::Site& site, storage::BodySide side) const;

private:
    LabMdcProvider lab_;
};

} // namespace algocore::history
