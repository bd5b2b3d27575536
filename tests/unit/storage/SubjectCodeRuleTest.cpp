// The one rule for a subject code (storage::check_subject_code), which recording, the command
// line and the report all ask: a code prints as it was typed, and no two codes print alike. A
// Greek or Cyrillic letter that looks like a Latin one ("Р001" with a Cyrillic Р beside P001)
// and a character outside the Latin, Greek and Cyrillic alphabets are refused, named with their
// code point.
#include <gtest/gtest.h>

#include "algocore/storage/NameRule.h"

using algocore::storage::check_subject_code;
using algocore::storage::latin_look_alike;
using algocore::storage::subject_code_allows;

TEST(SubjectCodeRule, ALookAlikeLetterIsRefusedNamingItAndTheLatinLetter) {
    EXPECT_EQ(check_subject_code("P001"), "");
    EXPECT_EQ(check_subject_code("\u0420001"), // Cyrillic capital ER
              "the subject code '\u0420001' has '\u0420' (U+0420), a Cyrillic letter that looks "
              "like the Latin 'P': type the Latin letter, so that no two codes print alike");
    EXPECT_EQ(check_subject_code("\u039101"), // Greek capital ALPHA
              "the subject code '\u039101' has '\u0391' (U+0391), a Greek letter that looks like "
              "the Latin 'A': type the Latin letter, so that no two codes print alike");
    // A small letter in the middle of a Latin code is found too.
    const std::string mixed = check_subject_code("pati\u0435nt-7"); // Cyrillic small IE
    EXPECT_NE(mixed.find("has '\u0435' (U+0435), a Cyrillic letter that looks like the Latin 'e'"),
              std::string::npos)
        << mixed;
    EXPECT_STREQ(latin_look_alike(0x0401), "\u00cb"); // Ё prints as Ë
    EXPECT_EQ(latin_look_alike(0x03A3), nullptr);     // Σ looks like no Latin letter
}

TEST(SubjectCodeRule, GreekCyrillicAndAccentedLatinCodesThatLookLikeNoOtherAreKept) {
    for (const char* code : {"S014", "\u03a301", "\u039401", "\u0416\u041b\u0418-12",
                             "M\u00fcller 3", "\u0141\u00f3d\u017a-4", "=cmd|' /C calc'!A0"})
        EXPECT_EQ(check_subject_code(code), "") << code;
}

TEST(SubjectCodeRule, ACharacterOutsideTheCodeAlphabetsIsRefusedNamingIt) {
    EXPECT_EQ(check_subject_code("\u4e2d01"),
              "the subject code '\u4e2d01' has '\u4e2d' (U+4E2D), which a subject code cannot "
              "hold: codes are written in Latin, Greek or Cyrillic letters, digits and signs, "
              "which every report prints as typed");
    // Each would print like another code: a zero-width space, a combining accent after a
    // plain letter, a full-width letter, a no-break space.
    for (const auto& [code, named] :
         {std::pair{"P\u200b001", "(U+200B)"}, std::pair{"Me\u0301", "(U+0301)"},
          std::pair{"\uff2101", "(U+FF21)"}, std::pair{"P\u00a0001", "(U+00A0)"}}) {
        const std::string problem = check_subject_code(code);
        EXPECT_NE(problem.find(named), std::string::npos) << problem;
        EXPECT_NE(problem.find("which a subject code cannot hold"), std::string::npos) << problem;
    }
    // The record-name rule comes first: control characters, length.
    EXPECT_NE(check_subject_code("S\x1b[31m").find("control characters"), std::string::npos);
    EXPECT_NE(check_subject_code(std::string(65, 'A')).find("longer than 64"), std::string::npos);
}

TEST(SubjectCodeRule, TheAlphabetsAreLatinGreekAndCyrillicWithoutTheLookAlikes) {
    int allowed = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c)
        if (subject_code_allows(c)) ++allowed;
    // 95 ASCII + 190 accented Latin + 69 Greek + 208 Cyrillic - 64 look-alikes.
    EXPECT_EQ(allowed, 498);
    EXPECT_TRUE(subject_code_allows(U'-'));
    EXPECT_FALSE(subject_code_allows(0x00D7)); // ×
    EXPECT_FALSE(subject_code_allows(0x0420)); // Р
    EXPECT_TRUE(subject_code_allows(0x042F));  // Я
}
