#include "algocore/history/MdcLookup.h"

#include "algocore/history/PressureFormat.h"
#include "algocore/protocols/SiteComparison.h"

namespace algocore::history {

const char* to_string(MdcOrigin origin) {
    return origin == MdcOrigin::ThisLab ? "this lab" : "built-in default";
}

MdcValue builtin_mdc(const storage::Site& site) {
    MdcValue v;
    v.origin = MdcOrigin::BuiltInDefault;
    // The site library carries a value for most built-in sites; a custom site falls back on
    // the literature table by name, then on its general fallback.
    if (site.mdc_kpa > 0.0) {
        v.mdc_kpa = site.mdc_kpa;
        v.provenance = "built-in default (site library)";
        return v;
    }
    const protocols::MdcTable table;
    v.mdc_kpa = table.mdc_kpa(site.name);
    v.provenance = table.has_site(site.name)
                       ? "built-in default (Walton et al. 2011)"
                       : "built-in default (fallback " + fixed(v.mdc_kpa, 0) + " kPa)";
    return v;
}

MdcValue MdcLookup::mdc(const storage::Site& site, storage::BodySide side) const {
    if (lab_) {
        if (auto own = lab_(site, side); own && own->mdc_kpa > 0.0) {
            own->origin = MdcOrigin::ThisLab;
            return *own;
        }
    }
    return builtin_mdc(site);
}

} // namespace algocore::history
