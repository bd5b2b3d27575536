// Writes one valid frame of each message type into the directory given as argv[1]: the seed
// corpus of the fuzzers.
#include <cstdio>
#include <string>

#include "algoproto/Encode.h"

namespace {

using namespace algoproto;

template <class Message>
bool write_seed(const std::string& dir, const char* name, const Message& message) {
    std::uint8_t wire[kMaxEncodedFrameBytes];
    const std::size_t n = encode(message, 7, wire, sizeof(wire));
    const std::string path = dir + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        std::fprintf(stderr, "proto_fuzz_seeds: cannot write %s\n", path.c_str());
        return false;
    }
    const bool ok = std::fwrite(wire, 1, n, f) == n;
    std::fclose(f);
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: proto_fuzz_seeds DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    Samples samples;
    samples.first_index = 100;
    samples.period_us = 1000;
    samples.count = 20;
    for (int i = 0; i < 20; ++i) {
        samples.counts[i] = i * 1000 - 7000;
    }
    Event event;
    event.button = kOperatorButton;
    event.pressed = 1;
    DeviceInfo info;
    info.serial_number[0] = 'S';
    bool ok = write_seed(dir, "samples", samples) && write_seed(dir, "event", event) &&
              write_seed(dir, "status", Status{}) && write_seed(dir, "device_info", info) &&
              write_seed(dir, "pong", Pong{}) && write_seed(dir, "ack", Ack{}) &&
              write_seed(dir, "nack", Nack{}) && write_seed(dir, "get_info", GetInfo{}) &&
              write_seed(dir, "start", Start{1000, 10}) && write_seed(dir, "stop", Stop{}) &&
              write_seed(dir, "tare", Tare{}) && write_seed(dir, "ping", Ping{42});
    return ok ? 0 : 1;
}
