#pragma once
// A DriverLink for tests: keeps everything the driver sent, emitted and reported.
#include <string>
#include <utility>
#include <vector>

#include "algocore/Driver.h"

namespace algotest {

/// Records a driver's outputs.
class RecordingLink final : public algocore::DriverLink {
public:
    void send(std::span<const std::uint8_t> bytes) override {
        sent.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        unread_sent.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
    void discard_input() override { ++discards; }
    void emit(const algocore::RawSample& sample) override { samples.push_back(sample); }
    void report(const algocore::LinkEvent& event) override { events.push_back(event); }

    /// Bytes sent since the last call (what the device has not yet seen).
    std::string take_sent() { return std::exchange(unread_sent, {}); }

    /// Events of one kind.
    std::vector<algocore::LinkEvent> events_of(algocore::LinkEvent::Kind kind) const;
    /// True when some event of `kind` contains `text`.
    bool has_event(algocore::LinkEvent::Kind kind, const std::string& text) const;
    /// All events as "kind: message" lines (for failure messages).
    std::string event_log() const;

    std::string sent;
    std::string unread_sent;
    int discards = 0;
    std::vector<algocore::RawSample> samples;
    std::vector<algocore::LinkEvent> events;
};

} // namespace algotest
