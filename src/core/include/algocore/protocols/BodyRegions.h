#pragma once
// Named regions of the body map, front and back, for drawing where a trigger point refers
// pain. Each region is given for the subject's LEFT side as a rectangle of the 200 x 440
// outline box (the box the site library's positions use); the right side is its mirror image.
// Together a view's regions tile the body, so a tap names exactly one region.
#include <optional>
#include <string>
#include <vector>

#include "algocore/records/Records.h"
#include "algocore/records/TriggerPointRecords.h"

namespace algocore::protocols {

/// The two views of the body map.
enum class BodyView { Front, Back };
const char* to_string(BodyView view); ///< "front", "back"

/// One region, as clinicians name it, on one view; box units for the subject's left side.
struct BodyRegion {
    const char* key;  ///< stable identifier, "temple"
    const char* name; ///< words on screen and in exports, "temple"
    BodyView view;
    double left, top, right, bottom; ///< 0..200 across, 0..440 down
};

/// A region on one side: what a drawn referral zone is made of (a stored record's word).
using records::RegionRef;

/// Every region of both views, front first.
const std::vector<BodyRegion>& body_regions();
/// The region with this key, nullptr when unknown.
const BodyRegion* find_region(const std::string& key);
/// The region under a point of a view (fractions of the box); nullopt off every region.
std::optional<RegionRef> region_at(BodyView view, double x_fraction, double y_fraction);
/// The rectangle of a region on a side, as fractions of the box: {left, top, right, bottom}.
std::vector<double> region_box(const RegionRef& region);
/// "temple (L)": the words exports and reports use. Empty for an unknown key.
std::string region_label(const RegionRef& region);
/// Parses "temple:L" (the stored form); false when the key or side is unknown.
bool parse_region(const std::string& text, RegionRef& out);
/// "temple:L".
std::string region_code(const RegionRef& region);

/// A zone in its one order: regions as body_regions() lists them, left before right, each
/// once. Every view, store and export shows a zone in this order.
std::vector<RegionRef> ordered_zone(std::vector<RegionRef> zone);
/// "temple:L jaw:L": the stored form of a zone (ordered), "" for none.
std::string zone_codes(const std::vector<RegionRef>& zone);
/// Parses zone_codes' text; false (and out untouched) when a code is unknown.
bool parse_zone(const std::string& text, std::vector<RegionRef>& out);
/// "temple (L); jaw (L)": the zone in words, for exports and reports.
std::string zone_words(const std::vector<RegionRef>& zone);
/// The share of the body map a zone covers, in percent of every region of both views and
/// both sides together (so a zone's size compares across visits whatever it is made of).
double zone_share_pct(const std::vector<RegionRef>& zone);

} // namespace algocore::protocols
