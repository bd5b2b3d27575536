#include "algocore/protocols/BodyRegions.h"

#include <algorithm>
#include <sstream>

namespace algocore::protocols {
namespace {

constexpr double kBoxWidth = 200.0;
constexpr double kBoxHeight = 440.0;

// Front view: the subject's left is on the viewer's right (x >= 100). Back view: the
// subject's left is on the viewer's left (x <= 100). Edges follow the outline in
// assets/bodymap/*.svg; a region reaches a little past the outline so its edge is covered.
const std::vector<BodyRegion> kRegions = {
    // Front.
    {"forehead", "forehead", BodyView::Front, 100, 4, 118, 20},
    {"face", "face", BodyView::Front, 100, 20, 109, 36},
    {"temple", "temple", BodyView::Front, 109, 20, 118, 36},
    {"jaw", "jaw", BodyView::Front, 100, 36, 118, 47},
    {"front_of_neck", "front of the neck", BodyView::Front, 100, 47, 113, 66},
    {"collarbone", "collarbone", BodyView::Front, 100, 66, 113, 76},
    {"front_of_shoulder", "front of the shoulder", BodyView::Front, 113, 55, 160, 76},
    {"chest", "chest", BodyView::Front, 100, 76, 136, 130},
    {"front_of_upper_arm", "front of the upper arm", BodyView::Front, 136, 76, 162, 160},
    {"forearm_palm_side", "forearm (palm side)", BodyView::Front, 136, 160, 172, 228},
    {"palm_and_fingers", "palm and fingers", BodyView::Front, 140, 228, 175, 268},
    {"upper_abdomen", "upper abdomen", BodyView::Front, 100, 130, 136, 180},
    {"lower_abdomen", "lower abdomen", BodyView::Front, 100, 180, 136, 228},
    {"groin_and_front_of_hip", "groin and front of the hip", BodyView::Front, 100, 228, 140, 262},
    {"front_of_thigh", "front of the thigh", BodyView::Front, 100, 262, 140, 322},
    {"knee", "knee", BodyView::Front, 100, 322, 136, 350},
    {"shin", "shin", BodyView::Front, 100, 350, 132, 412},
    {"top_of_foot", "top of the foot", BodyView::Front, 100, 412, 134, 440},
    // Back.
    {"back_of_head", "back of the head", BodyView::Back, 82, 4, 100, 47},
    {"back_of_neck", "back of the neck", BodyView::Back, 86, 47, 100, 62},
    {"top_of_shoulder", "top of the shoulder", BodyView::Back, 60, 55, 86, 78},
    {"back_of_shoulder", "back of the shoulder", BodyView::Back, 40, 62, 60, 100},
    {"shoulder_blade", "shoulder blade", BodyView::Back, 60, 78, 86, 150},
    {"between_the_shoulder_blades", "between the shoulder blades", BodyView::Back, 86, 62, 100,
     150},
    {"back_of_upper_arm", "back of the upper arm", BodyView::Back, 38, 100, 60, 160},
    {"forearm_back", "forearm (back)", BodyView::Back, 28, 160, 60, 228},
    {"back_of_hand", "back of the hand", BodyView::Back, 25, 228, 60, 268},
    {"low_back", "low back", BodyView::Back, 60, 150, 100, 228},
    {"buttock", "buttock", BodyView::Back, 60, 228, 100, 270},
    {"back_of_thigh", "back of the thigh", BodyView::Back, 60, 270, 100, 322},
    {"back_of_knee", "back of the knee", BodyView::Back, 64, 322, 100, 350},
    {"calf", "calf", BodyView::Back, 66, 350, 100, 412},
    {"heel_and_sole", "heel and sole", BodyView::Back, 66, 412, 100, 440},
};

// A point of the right side, mirrored onto the left where the regions are given.
double left_side_x(double x_units, records::BodySide side) {
    return side == records::BodySide::Right ? kBoxWidth - x_units : x_units;
}

} // namespace

const char* to_string(BodyView view) {
    return view == BodyView::Front ? "front" : "back";
}

const std::vector<BodyRegion>& body_regions() {
    return kRegions;
}

const BodyRegion* find_region(const std::string& key) {
    const auto it = std::find_if(kRegions.begin(), kRegions.end(),
                                 [&](const BodyRegion& r) { return key == r.key; });
    return it == kRegions.end() ? nullptr : &*it;
}

std::optional<RegionRef> region_at(BodyView view, double x_fraction, double y_fraction) {
    const double x = x_fraction * kBoxWidth;
    const double y = y_fraction * kBoxHeight;
    // Which side of the subject the point is on decides the mirror.
    const bool viewer_right = x >= kBoxWidth / 2.0;
    const records::BodySide side = (view == BodyView::Front) == viewer_right
                                       ? records::BodySide::Left
                                       : records::BodySide::Right;
    const double lx = left_side_x(x, side);
    for (const BodyRegion& r : kRegions) {
        if (r.view != view) continue;
        if (lx >= r.left && lx < r.right && y >= r.top && y < r.bottom)
            return RegionRef{r.key, side};
    }
    return std::nullopt;
}

std::vector<double> region_box(const RegionRef& region) {
    const BodyRegion* r = find_region(region.key);
    if (!r) return {};
    const double a = left_side_x(r->left, region.side);
    const double b = left_side_x(r->right, region.side);
    return {std::min(a, b) / kBoxWidth, r->top / kBoxHeight, std::max(a, b) / kBoxWidth,
            r->bottom / kBoxHeight};
}

std::string region_label(const RegionRef& region) {
    const BodyRegion* r = find_region(region.key);
    if (!r) return {};
    return std::string(r->name) + " (" + records::to_letter(region.side) + ")";
}

std::string region_code(const RegionRef& region) {
    return region.key + ":" + records::to_letter(region.side);
}

bool parse_region(const std::string& text, RegionRef& out) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || !find_region(text.substr(0, colon))) return false;
    records::BodySide side{};
    if (!records::parse_side(text.substr(colon + 1), side) || side == records::BodySide::Midline)
        return false;
    out = RegionRef{text.substr(0, colon), side};
    return true;
}

std::vector<RegionRef> ordered_zone(std::vector<RegionRef> zone) {
    const auto rank = [](const RegionRef& r) {
        const BodyRegion* region = find_region(r.key);
        const auto index = region ? region - kRegions.data() : std::ptrdiff_t(kRegions.size());
        return std::pair(index, r.side == records::BodySide::Left ? 0 : 1);
    };
    std::sort(zone.begin(), zone.end(),
              [&](const RegionRef& a, const RegionRef& b) { return rank(a) < rank(b); });
    zone.erase(std::unique(zone.begin(), zone.end()), zone.end());
    return zone;
}

std::string zone_codes(const std::vector<RegionRef>& zone) {
    std::string out;
    for (const RegionRef& r : ordered_zone(zone))
        out += (out.empty() ? "" : " ") + region_code(r);
    return out;
}

bool parse_zone(const std::string& text, std::vector<RegionRef>& out) {
    std::istringstream in(text);
    std::vector<RegionRef> zone;
    std::string code;
    while (in >> code) {
        RegionRef r;
        if (!parse_region(code, r)) return false;
        zone.push_back(r);
    }
    out = ordered_zone(std::move(zone));
    return true;
}

std::string zone_words(const std::vector<RegionRef>& zone) {
    std::string out;
    for (const RegionRef& r : ordered_zone(zone))
        out += (out.empty() ? "" : "; ") + region_label(r);
    return out;
}

double zone_share_pct(const std::vector<RegionRef>& zone) {
    const auto area = [](const BodyRegion& r) { return (r.right - r.left) * (r.bottom - r.top); };
    double whole = 0.0;
    for (const BodyRegion& r : kRegions)
        whole += 2.0 * area(r); // both sides
    double covered = 0.0;
    for (const RegionRef& r : ordered_zone(zone))
        if (const BodyRegion* region = find_region(r.key)) covered += area(*region);
    return whole > 0.0 ? 100.0 * covered / whole : 0.0;
}

} // namespace algocore::protocols
