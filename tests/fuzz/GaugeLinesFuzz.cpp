// Fuzzes every gauge line parser (Mark-10, Wagner, Imada, Shimpo, generic ASCII numbers) and
// the drivers that assemble lines from raw bytes (cut where the input says), checking that a
// reading is always a finite force and that nothing the gauge sends makes a driver throw,
// hang or emit a non-finite sample.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "FuzzCheck.h"
#include "algocore/drivers/AsciiLineDriver.h"
#include "algocore/drivers/AsciiNumberParser.h"
#include "algocore/drivers/ImadaDriver.h"
#include "algocore/drivers/ImadaParser.h"
#include "algocore/drivers/Mark10Driver.h"
#include "algocore/drivers/Mark10Parser.h"
#include "algocore/drivers/ShimpoDriver.h"
#include "algocore/drivers/ShimpoParser.h"
#include "algocore/drivers/WagnerDriver.h"
#include "algocore/drivers/WagnerParser.h"

namespace {

using namespace algocore;
using fuzzcheck::check;

void check_reply(const GaugeReply& reply) {
    if (reply.kind == GaugeReply::Kind::Reading && reply.has_value)
        check(std::isfinite(reply.force_n));
}

// What a driver may do to the world, checked and thrown away.
class CheckingLink final : public DriverLink {
public:
    void send(std::span<const std::uint8_t> bytes) override { sent += bytes.size(); }
    void discard_input() override {}
    void emit(const RawSample& sample) override { check(std::isfinite(sample.force_n)); }
    void report(const LinkEvent& event) override { check(event.message.size() < 4096); }
    std::size_t sent = 0;
};

void drive(Driver& driver, const std::uint8_t* data, std::size_t size, std::size_t cut) {
    CheckingLink link;
    SteadyTime t{};
    driver.start(t, link);
    for (std::size_t at = 0; at < size; at += cut) {
        t += std::chrono::milliseconds(7);
        const std::size_t n = std::min(cut, size - at);
        driver.on_bytes(ByteChunk{t, {data + at, n}}, link);
        driver.on_tick(t, link);
    }
    driver.stop(link);
    // A driver answers at most a poll per line it received, plus its start and re-arms.
    check(link.sent < 64 + 16 * size);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    for (algocal::ForceUnit unit : {algocal::ForceUnit::kNewton, algocal::ForceUnit::kPoundForce}) {
        check_reply(parse_mark10_line(text, unit));
        check_reply(parse_wagner_line(text, unit));
        check_reply(parse_shimpo_line(text, unit));
    }
    check_reply(parse_imada_line(text));
    check_reply(parse_ascii_number_line(text, algocal::ForceUnit::kNewton, 1.0));
    check_reply(parse_ascii_number_line(text, algocal::ForceUnit::kKilogramForce, -1e-3));

    DriverOptions options;
    options.wagner_continuous = (data[0] & 0x80) != 0;
    options.shimpo_continuous = options.wagner_continuous;
    const std::size_t cut = 1 + data[0] % 32;
    std::vector<std::unique_ptr<Driver>> drivers;
    drivers.push_back(std::make_unique<Mark10Driver>(options));
    drivers.push_back(std::make_unique<WagnerDriver>(options));
    drivers.push_back(std::make_unique<ImadaDriver>(options));
    drivers.push_back(std::make_unique<ShimpoDriver>(options));
    drivers.push_back(std::make_unique<AsciiLineDriver>(options));
    for (auto& driver : drivers)
        drive(*driver, data + 1, size - 1, cut);
    return 0;
}
