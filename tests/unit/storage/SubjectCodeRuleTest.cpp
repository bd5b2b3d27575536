// The one rule for a subject code (storage::check_subject_code), which recording, the command
// line and the report all ask: a code prints as it was typed, and no two codes print alike. A
// code mixing Latin letters with Greek or Cyrillic ones ("patiеnt-7" with a Cyrillic е), a Greek
// or Cyrillic code every letter of which looks like a Latin one in one case or the other ("Р001"
// with a Cyrillic Р beside P001) and a character outside the Latin, Greek and Cyrillic
// alphabets are refused, named with their code point; "иванова-03" is kept.
#include <gtest/gtest.h>

#include "algocore/storage/NameRule.h"

using algocore::storage::check_subject_code;
using algocore::storage::latin_look_alike;
using algocore::storage::subject_code_allows;

TEST(SubjectCodeRule, ACodeEveryLetterOfWhichLooksLatinIsRefusedNamingALetter) {
    EXPECT_EQ(check_subject_code("P001"), "");
    EXPECT_EQ(check_subject_code("\u0420001"), // Cyrillic capital ER
              "the subject code '\u0420001' has '\u0420' (U+0420), a Cyrillic letter that looks "
              "like the Latin 'P': type the Latin letter, so that no two codes print alike");
    EXPECT_EQ(check_subject_code("\u039101"), // Greek capital ALPHA
              "the subject code '\u039101' has '\u0391' (U+0391), a Greek letter that looks like "
              "the Latin 'A': type the Latin letter, so that no two codes print alike");
    EXPECT_EQ(check_subject_code("\u0410\u0412\u0421-1"), // АВС-1
              "the subject code '\u0410\u0412\u0421-1' has '\u0410' (U+0410), a Cyrillic letter "
              "that looks like the Latin 'A': type the Latin letters, so that no two codes print "
              "alike");
    EXPECT_EQ(check_subject_code("\u0441\u043e\u0440"), // сор
              "the subject code '\u0441\u043e\u0440' has '\u0441' (U+0441), a Cyrillic letter "
              "that looks like the Latin 'c': type the Latin letters, so that no two codes print "
              "alike");
    // Codes are one without regard to case: "вкм-1" is "ВКМ-1", which prints as BKM-1.
    EXPECT_EQ(check_subject_code("\u0432\u043a\u043c-1"),
              "the subject code '\u0432\u043a\u043c-1' has '\u0432' (U+0432), a Cyrillic letter "
              "whose capital '\u0412' looks like the Latin 'B': type the Latin letters, so that no "
              "two codes print alike");
    EXPECT_EQ(check_subject_code("\u0393-2"), // Γ, whose γ prints as y
              "the subject code '\u0393-2' has '\u0393' (U+0393), a Greek letter whose small "
              "letter '\u03b3' looks like the Latin 'y': type the Latin letter, so that no two "
              "codes print alike");
    EXPECT_STREQ(latin_look_alike(0x0401), "\u00cb"); // Ё prints as Ë
    EXPECT_EQ(latin_look_alike(0x03A3), nullptr);     // Σ looks like no Latin letter
}

TEST(SubjectCodeRule, ACodeMixingScriptsIsRefusedNamingTheFirstLetterOfTheFewer) {
    EXPECT_EQ(check_subject_code("pati\u0435nt-7"), // Cyrillic small IE
              "the subject code 'pati\u0435nt-7' has '\u0435' (U+0435), a Cyrillic letter that "
              "looks like the Latin 'e' among Latin letters: write a code in one alphabet, so "
              "that no two codes print alike");
    EXPECT_EQ(check_subject_code("\u0416\u041b\u0418-P"), // ЖЛИ-P: the Latin P is the stray
              "the subject code '\u0416\u041b\u0418-P' has 'P' (U+0050), a Latin letter among "
              "Cyrillic letters: write a code in one alphabet, so that no two codes print alike");
    // One letter each: the Greek or Cyrillic one is named.
    EXPECT_EQ(check_subject_code("\u0416-P01"),
              "the subject code '\u0416-P01' has '\u0416' (U+0416), a Cyrillic letter among Latin "
              "letters: write a code in one alphabet, so that no two codes print alike");
    EXPECT_EQ(check_subject_code("\u03a3\u0416\u0416"), // ΣЖЖ
              "the subject code '\u03a3\u0416\u0416' has '\u03a3' (U+03A3), a Greek letter among "
              "Cyrillic letters: write a code in one alphabet, so that no two codes print alike");
}

TEST(SubjectCodeRule, ACodeInOneScriptWithALetterThatLooksLikeNoLatinOneIsKept) {
    for (const char* code : {"S014", "\u03a301", "\u039401", "\u0416\u041b\u0418-12",
                             "\u0438\u0432\u0430\u043d\u043e\u0432\u0430-03", // иванова-03
                             "\u0418\u0412\u0410\u041d\u041e\u0412\u0410-03", // ИВАНОВА-03
                             "\u039b\u03ac\u03bc\u03b4\u03b1",                // Λάμδα
                             "\u0421\u0438\u0434\u043e\u0440\u043e\u0432 \u0410.", "M\u00fcller 3",
                             "\u0141\u00f3d\u017a-4", "001", "=cmd|' /C calc'!A0"})
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

TEST(SubjectCodeRule, TheAlphabetsAreLatinGreekAndCyrillic) {
    int allowed = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c)
        if (subject_code_allows(c)) ++allowed;
    // 95 ASCII + 190 accented Latin + 69 Greek + 208 Cyrillic: a look-alike letter may stand in
    // a code another letter of its script tells apart ("иванова-03").
    EXPECT_EQ(allowed, 562);
    EXPECT_TRUE(subject_code_allows(U'-'));
    EXPECT_FALSE(subject_code_allows(0x00D7)); // ×
    EXPECT_TRUE(subject_code_allows(0x0420));  // Р
    EXPECT_TRUE(subject_code_allows(0x042F));  // Я
}
