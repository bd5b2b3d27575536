#include "LineTestDriver.h"

#include <cstdlib>

namespace acqtest {

void LineTestDriver::start(algocore::SteadyTime, algocore::DriverLink& link) {
    link.send_text("HELLO\n");
}

void LineTestDriver::on_bytes(const algocore::ByteChunk& chunk, algocore::DriverLink& link) {
    for (std::uint8_t byte : chunk.bytes) {
        if (byte != '\n') {
            line_.push_back(static_cast<char>(byte));
            continue;
        }
        if (line_ == "LOST") {
            algocore::LinkEvent lost;
            lost.kind = algocore::LinkEvent::Kind::Disconnected;
            lost.t = chunk.arrival;
            lost.message = "test device stopped answering";
            link.report(lost);
        } else {
            char* end = nullptr;
            const double force_n = std::strtod(line_.c_str(), &end);
            if (line_.empty() || *end != '\0') {
                ++stats_.bad_frames;
            } else {
                if (!identity_) {
                    identity_ = algocore::DeviceIdentity{"line test device", "", "", 0, 0};
                    identity_->nominal_rate_hz = nominal_rate_hz_;
                    identity_->polled = polled_;
                }
                algocore::RawSample sample;
                sample.t = chunk.arrival;
                sample.force_n = force_n;
                ++stats_.samples;
                link.emit(sample);
            }
        }
        line_.clear();
    }
}

} // namespace acqtest
