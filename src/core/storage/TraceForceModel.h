#pragma once
// How a trace's force was computed from what the device sent, so the blob can recompute it
// instead of storing it: a reading (raw counts times a scale, or a decimal number the gauge
// printed times its unit), optionally through a calibration polynomial's inverse, minus the
// tare. Private to the storage; the encoder verifies every prediction bit-exactly.
#include <cstdint>
#include <optional>
#include <vector>

#include "TraceBytes.h"
#include "algocal/FitInverter.h"
#include "algocal/PolynomialFit.h"
#include "algocore/storage/StoredRecords.h"

namespace algocore::storage::trace_codec {

/// What each sample's integer code is.
enum class CodeSource : std::uint8_t {
    RawCounts = 0, ///< the sample's raw_counts: reading = counts × scale
    Decimal = 1,   ///< a decimal count q: reading = (q / 10^decimals) × scale (its unit)
};

class ForceModel {
public:
    CodeSource source = CodeSource::RawCounts;
    double scale = 1.0;                        ///< newtons per count, or newtons per printed unit
    int decimals = 0;                          ///< Decimal only: digits after the point
    std::optional<algocal::PolynomialFit> fit; ///< reading = p(load); load = p⁻¹(reading)

    /// Force before tare for a code; the same arithmetic as the driver and Calibrator.
    double untared_n(std::int64_t code) const;
    /// Decimal only: the code whose force minus tare is exactly force_n, if any.
    bool decimal_code(double force_n, double tare_n, std::int64_t& code) const;
    /// Tares under which the sample's force comes out exactly: the difference reading − force
    /// and its neighbouring doubles (the subtraction rounded), for the sample's raw counts or,
    /// for a decimal model, each printed code near the force (the tare shifts it by a few
    /// steps). Empty when none works.
    std::vector<double> tare_candidates(const TraceSample& sample) const;
    /// Builds the inverse once (after fit is set or read).
    void prepare();

    void write(trace_bytes::ByteWriter& out) const;
    bool read(trace_bytes::ByteReader& in);

private:
    double reading(std::int64_t code) const;
    algocal::FitInverter inverter_;
};

/// Candidate models for a trace: the hinted polynomial fits of raw counts, a linear factory
/// scale found from the samples, or the decimal quantum and unit of a gauge's printed values.
std::vector<ForceModel> candidate_models(const std::vector<TraceSample>& samples, bool has_counts,
                                         const std::vector<algocal::PolynomialFit>& fits);

} // namespace algocore::storage::trace_codec
