// algoscope-bench-text-fit [--chars N] [--runs N]
// Time to fit a text of N characters (default 60,000, mixed Latin, Greek and Cyrillic words)
// into a header box of the report (190 pt at 8.5 pt, cut with an ellipsis) and to measure its
// width, through the report writer's own calls (PdfDocument::text_fitted, text_width_pt).
// Prints the median and the slowest of the runs, and the width of N and 2N characters' fits
// so a reader sees whether the time grows linearly.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "algocore/report/PdfDocument.h"

using namespace algocore::report;
using Clock = std::chrono::steady_clock;

namespace {

std::string text_of(std::size_t chars) {
    const char* words[] = {"Praxis ", "\u03a3\u03c9\u03bc\u03b1 ", "\u0422\u0435\u043b\u043e ",
                           "M\u00fcller "};
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; n < chars; ++i) {
        const std::string w = words[i % 4];
        for (std::size_t at = 0; at < w.size() && n < chars; ++n) {
            const auto lead = static_cast<unsigned char>(w[at]);
            const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            out += w.substr(at, len);
            at += len;
        }
    }
    return out;
}

double seconds_to_fit(const std::string& text) {
    PdfDocument pdf;
    const auto started = Clock::now();
    pdf.text_fitted(104, 60, text, 8.5, 190);
    const double width = text_width_pt(text, 8.5);
    const double s = std::chrono::duration<double>(Clock::now() - started).count();
    if (!(width > 0.0)) std::fprintf(stderr, "no width measured\n");
    return s;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t chars = 60000;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        const bool has_value = i + 1 < argc;
        if (std::strcmp(argv[i], "--chars") == 0 && has_value)
            chars = std::strtoul(argv[++i], nullptr, 10);
        else if (std::strcmp(argv[i], "--runs") == 0 && has_value)
            runs = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr,
                         "algoscope-bench-text-fit: '%s' is not an option here (or has no value); "
                         "usage: algoscope-bench-text-fit [--chars N] [--runs N]\n",
                         argv[i]);
            return 2;
        }
    }
    if (chars == 0 || runs < 1) {
        std::fprintf(stderr, "algoscope-bench-text-fit: --chars and --runs must be positive\n");
        return 2;
    }
    for (const std::size_t n : {chars, 2 * chars}) {
        const std::string text = text_of(n);
        std::vector<double> times;
        for (int r = 0; r < runs; ++r)
            times.push_back(seconds_to_fit(text));
        std::sort(times.begin(), times.end());
        std::printf("fit %zu characters (%zu bytes) into 190 pt: median %.4f s, slowest %.4f s "
                    "(%d runs)\n",
                    n, text.size(), times[times.size() / 2], times.back(), runs);
    }
    return 0;
}
