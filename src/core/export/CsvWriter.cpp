// RFC 4180 quoting plus formula neutralisation (OWASP "CSV injection"): a leading =, +, -, @,
// tab or CR makes spreadsheets evaluate the cell, so such text gets a leading apostrophe.
// Plain numbers like -12.5 stay numbers: a negative constant executes nothing.
#include "algocore/export/CsvWriter.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace algocore::exporting {

namespace {
bool is_plain_number(const std::string& text) {
    if (text.empty()) return false;
    char* end = nullptr;
    std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return false;
    // Only digits, sign, point and exponent: strtod also accepts "inf", "nan", hex.
    return text.find_first_not_of("0123456789+-.eE") == std::string::npos;
}
} // namespace

std::string neutralise_formula(const std::string& text) {
    if (text.empty()) return text;
    const char first = text.front();
    const bool risky = first == '=' || first == '+' || first == '-' || first == '@' ||
                       first == '\t' || first == '\r';
    if (!risky || is_plain_number(text)) return text;
    return "'" + text;
}

std::string quote_cell(const std::string& text) {
    // ';' too: spreadsheets in locales whose decimal mark is ',' split cells on it.
    if (text.find_first_of(",;\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return "";
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string out = text;
    // Trim trailing zeros so 412.500 reads 412.5 and 50.000 reads 50.
    if (out.find('.') != std::string::npos) {
        while (!out.empty() && out.back() == '0')
            out.pop_back();
        if (!out.empty() && out.back() == '.') out.pop_back();
    }
    if (out == "-0") out = "0";
    return out;
}

void CsvWriter::row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out_ << ',';
        out_ << quote_cell(neutralise_formula(cells[i]));
    }
    out_ << "\r\n";
}

} // namespace algocore::exporting
