#include "algotest/GaugeEmulator.h"

namespace algotest {

std::string GaugeEmulator::receive(std::string_view host_bytes) {
    std::string out;
    for (char c : host_bytes) {
        if (c == '\n') continue;
        if (c != '\r') {
            pending_.push_back(c);
            continue;
        }
        ++commands_received_;
        command_log_ += pending_ + ";";
        if (answering_) out += answer(pending_);
        pending_.clear();
    }
    return out;
}

} // namespace algotest
