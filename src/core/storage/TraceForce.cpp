// Raw counts, forces and pressures of the trace blob. Counts are an integer series. Forces are
// recomputed from the counts (or a gauge's decimal codes) through segments of (model, tare):
// a tare or calibration change mid-trace opens a segment; a force that no model reproduces is
// a miss, stored as its ulp distance from the prediction. Pressures are recomputed from the
// force and the probe area the same way the Calibrator computes them, with misses likewise.
#include <cmath>

#include "TraceCodec.h"
#include "TraceForceModel.h"
#include "algocal/Units.h"

namespace algocore::storage::trace_codec {

using namespace trace_bytes;

namespace {

constexpr std::uint8_t kHasCounts = 1;
constexpr int kNoModel = -1;
/// Samples a new segment must reproduce before it is opened: a segment costs about ten
/// bytes, so it must save at least that many misses.
constexpr std::size_t kSegmentProof = 8;
/// How far a candidate tare is followed to choose between tares that all fit at rest.
constexpr std::size_t kLookAhead = 4096;
constexpr std::uint64_t kMaxModels = 64;

struct Segment {
    std::size_t start = 0;
    int model = kNoModel;
    double tare_n = 0.0;
};

class ForceEncoder {
public:
    ForceEncoder(const std::vector<TraceSample>& s, std::vector<ForceModel> models)
        : s_(s), models_(std::move(models)), codes_(s.size(), 0) {}

    void run() {
        segments_.push_back({0, kNoModel, 0.0});
        for (std::size_t i = 0; i < s_.size(); ++i) {
            const Segment& current = segments_.back();
            if (current.model != kNoModel && matches(current.model, current.tare_n, i)) continue;
            if (open_segment_at(i)) continue;
            codes_[i] = i > 0 ? codes_[i - 1] : 0;
            const double predicted = prediction(segments_.back(), i);
            misses_.push_back({i, ulp_distance(s_[i].force_n, predicted)});
        }
    }

    void write(ByteWriter& out) const {
        // Only the models some segment uses are stored, renumbered in order of use.
        std::vector<int> stored_as(models_.size(), kNoModel);
        std::vector<int> used;
        for (const Segment& seg : segments_) {
            if (seg.model == kNoModel || stored_as[seg.model] != kNoModel) continue;
            stored_as[seg.model] = static_cast<int>(used.size());
            used.push_back(seg.model);
        }
        out.varint(used.size());
        bool any_decimal = false;
        for (const int m : used) {
            models_[m].write(out);
            any_decimal = any_decimal || models_[m].source == CodeSource::Decimal;
        }
        out.varint(segments_.size());
        std::size_t previous_start = 0;
        for (const Segment& seg : segments_) {
            out.varint(seg.start - previous_start);
            out.varint(seg.model == kNoModel ? 0 : stored_as[seg.model] + 1);
            out.f64(seg.tare_n);
            previous_start = seg.start;
        }
        if (any_decimal) write_series(out, codes_);
        write_misses(out, misses_);
    }

private:
    bool matches(int m, double tare_n, std::size_t i) {
        const ForceModel& model = models_[m];
        if (model.source == CodeSource::RawCounts)
            return same_bits(model.untared_n(s_[i].raw_counts) - tare_n, s_[i].force_n);
        return model.decimal_code(s_[i].force_n, tare_n, codes_[i]);
    }

    // A tare change tries the current model first, a calibration change the others. Several
    // tares can explain the samples at rest (a printed step more in the code, a step less in
    // the tare): the one that keeps matching longest wins, and it must hold for
    // kSegmentProof samples (or to the end of the trace).
    bool open_segment_at(std::size_t i) {
        const int current = segments_.back().model;
        const std::size_t proof = std::min(kSegmentProof, s_.size() - i);
        std::size_t best_run = 0;
        Segment best;
        for (int k = -1; k < static_cast<int>(models_.size()); ++k) {
            const int m = k < 0 ? current : k;
            if (m == kNoModel || (k >= 0 && m == current)) continue;
            for (const double tare_n : models_[m].tare_candidates(s_[i])) {
                const std::size_t run = matching_run(m, tare_n, i);
                if (run >= proof && run > best_run) {
                    best_run = run;
                    best = {i, m, tare_n};
                }
            }
        }
        if (best_run == 0) return false;
        if (segments_.back().start == i) segments_.pop_back();
        segments_.push_back(best);
        return matches(best.model, best.tare_n, i); // sets the decimal code of sample i
    }

    // Consecutive samples from i (up to kLookAhead) the model and tare reproduce.
    std::size_t matching_run(int m, double tare_n, std::size_t i) {
        const std::size_t end = std::min(s_.size(), i + kLookAhead);
        std::size_t j = i;
        while (j < end && matches(m, tare_n, j))
            ++j;
        return j - i;
    }

    double prediction(const Segment& seg, std::size_t i) const {
        if (seg.model == kNoModel) return i > 0 ? s_[i - 1].force_n : 0.0;
        const ForceModel& model = models_[seg.model];
        const std::int64_t code =
            model.source == CodeSource::RawCounts ? s_[i].raw_counts : codes_[i];
        return model.untared_n(code) - seg.tare_n;
    }

    const std::vector<TraceSample>& s_;
    std::vector<ForceModel> models_;
    std::vector<std::int64_t> codes_;
    std::vector<Segment> segments_;
    std::vector<Miss> misses_;
};

} // namespace

void write_forces(ByteWriter& out, const std::vector<TraceSample>& s, const TraceHints& hints) {
    bool has_counts = false;
    for (const auto& sample : s)
        has_counts = has_counts || sample.raw_counts != 0;
    out.u8(has_counts ? kHasCounts : 0);
    if (has_counts) {
        std::vector<std::int64_t> counts(s.size());
        for (std::size_t i = 0; i < s.size(); ++i)
            counts[i] = s[i].raw_counts;
        write_series(out, counts);
    }
    ForceEncoder encoder(s, candidate_models(s, has_counts, hints.raw_count_fits));
    encoder.run();
    encoder.write(out);
}

bool read_forces(ByteReader& in, std::vector<TraceSample>& s) {
    std::uint8_t flags = 0;
    if (!in.u8(flags) || (flags & ~kHasCounts) != 0) return false;
    if (flags & kHasCounts) {
        std::vector<std::int64_t> counts;
        if (!read_series(in, s.size(), counts)) return false;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (counts[i] < INT32_MIN || counts[i] > INT32_MAX) return false;
            s[i].raw_counts = static_cast<std::int32_t>(counts[i]);
        }
    }
    std::uint64_t model_count = 0;
    if (!in.varint(model_count) || model_count > kMaxModels) return false;
    std::vector<ForceModel> models(static_cast<std::size_t>(model_count));
    bool any_decimal = false;
    for (auto& m : models) {
        if (!m.read(in)) return false;
        any_decimal = any_decimal || m.source == CodeSource::Decimal;
    }
    std::uint64_t segment_count = 0;
    if (!in.varint(segment_count) || segment_count > s.size() + 1) return false;
    std::vector<Segment> segments(static_cast<std::size_t>(segment_count));
    std::size_t start = 0;
    for (std::size_t k = 0; k < segments.size(); ++k) {
        std::uint64_t gap = 0;
        std::uint64_t model = 0;
        if (!in.varint(gap) || !in.varint(model) || !in.f64(segments[k].tare_n)) return false;
        if ((k == 0) != (gap == 0) || gap > s.size() - start || model > model_count) return false;
        start += static_cast<std::size_t>(gap);
        segments[k].start = start;
        segments[k].model = static_cast<int>(model) - 1;
    }
    if (!s.empty() && segments.empty()) return false;
    std::vector<std::int64_t> codes(s.size(), 0);
    if (any_decimal && !read_series(in, s.size(), codes)) return false;
    std::vector<Miss> misses;
    if (!read_misses(in, s.size(), misses)) return false;

    std::size_t seg = 0;
    std::size_t miss = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        while (seg + 1 < segments.size() && segments[seg + 1].start <= i)
            ++seg;
        const Segment& current = segments[seg];
        double force_n = i > 0 ? s[i - 1].force_n : 0.0;
        if (current.model != kNoModel) {
            const ForceModel& model = models[current.model];
            const std::int64_t code =
                model.source == CodeSource::RawCounts ? s[i].raw_counts : codes[i];
            force_n = model.untared_n(code) - current.tare_n;
        }
        if (miss < misses.size() && misses[miss].index == i)
            force_n = from_ulp_distance(force_n, misses[miss++].distance);
        s[i].force_n = force_n;
    }
    return true;
}

} // namespace algocore::storage::trace_codec
