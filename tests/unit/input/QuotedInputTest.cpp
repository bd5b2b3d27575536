#include <gtest/gtest.h>

#include <string>

#include "algoinput/QuotedInput.h"

using algoinput::escape_input;
using algoinput::is_printable_text;
using algoinput::quote_input;

TEST(QuotedInput, PlainTextAndAccentedNamesPassUnchanged) {
    EXPECT_EQ(quote_input("load_n"), "\"load_n\"");
    EXPECT_EQ(escape_input("Dr. Müller-Łukasiewicz"), "Dr. Müller-Łukasiewicz");
}

TEST(QuotedInput, AHundredMegabyteCellIsCutToTwoHundredCharactersWithItsSizeSaid) {
    const std::string cell(100u << 20, 'x');
    const std::string shown = quote_input(cell);
    EXPECT_LT(shown.size(), 240u);
    EXPECT_EQ(shown.substr(0, 201), "\"" + std::string(200, 'x'));
    EXPECT_NE(shown.find("... (104857600 bytes in all)\""), std::string::npos) << shown;
}

TEST(QuotedInput, TerminalEscapeSequencesAreShownNotObeyed) {
    EXPECT_EQ(escape_input("\x1b[2J\x1b]0;owned\x07name"), "\\x1B[2J\\x1B]0;owned\\x07name");
    EXPECT_EQ(escape_input("a\nb\r\tc\\d"), "a\\nb\\r\\tc\\\\d");
    EXPECT_EQ(quote_input("say \"hi\""), "\"say \\\"hi\\\"\"");
    // C1 control (CSI, U+009B) and a right-to-left override (U+202E).
    EXPECT_EQ(escape_input("\xc2\x9b"
                           "2J \xe2\x80\xae"
                           "txt"),
              "\\u{009B}2J \\u{202E}txt");
}

TEST(QuotedInput, BytesThatAreNotUtf8AreShownInHex) {
    EXPECT_EQ(escape_input("ok\xff\xc3"), "ok\\xFF\\xC3");
    EXPECT_EQ(escape_input("\xed\xa0\x80"), "\\xED\\xA0\\x80"); // a surrogate is not UTF-8
    EXPECT_EQ(escape_input(std::string("a\0b", 3)), "a\\x00b");
}

TEST(QuotedInput, PrintableTextIsUtf8WithoutControlCharacters) {
    EXPECT_TRUE(is_printable_text("S001"));
    EXPECT_TRUE(is_printable_text("Zoë Ångström"));
    EXPECT_FALSE(is_printable_text("S\x1b[31m001"));
    EXPECT_FALSE(is_printable_text("line\nbreak"));
    EXPECT_FALSE(is_printable_text("bad\xff"));
    EXPECT_FALSE(is_printable_text("\xe2\x80\xae"
                                   "evil"));
}

TEST(QuotedInput, AProblemWithTextSaysWhichByteAndWhy) {
    EXPECT_EQ(algoinput::printable_text_problem("Zoë Ångström"), "");
    EXPECT_EQ(algoinput::printable_text_problem("M\xfcller-01"),
              "byte 0xFC at position 2 is not UTF-8");
    EXPECT_EQ(algoinput::printable_text_problem("S\x1b[31m"),
              "U+001B at position 2 is a control character");
    EXPECT_EQ(algoinput::printable_text_problem("ab\xe2\x80\xae"
                                                "evil"),
              "U+202E at position 3 is a direction override");
}

TEST(QuotedInput, ACharacterIsNamedByItsCodePointAndWrittenBackAsUtf8) {
    EXPECT_EQ(algoinput::code_points("P\u0420\u4e2d\U0001F600"),
              (std::u32string{U'P', 0x0420, 0x4E2D, 0x1F600}));
    EXPECT_EQ(algoinput::code_points("a\xFC"
                                     "b"),
              (std::u32string{U'a', 0xFFFD, U'b'})); // a Latin-1 byte
    EXPECT_EQ(algoinput::code_point_name(0x0420), "U+0420");
    EXPECT_EQ(algoinput::code_point_name(0x1F600), "U+1F600");
    for (const char32_t c :
         {char32_t{0x41}, char32_t{0xE9}, char32_t{0x0420}, char32_t{0x4E2D}, char32_t{0x1F600}})
        EXPECT_EQ(algoinput::code_points(algoinput::utf8_of(c)), std::u32string(1, c));
}
