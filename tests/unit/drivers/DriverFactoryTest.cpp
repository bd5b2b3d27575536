// The factory knows every dialect name and explains bad names and options.
#include <gtest/gtest.h>

#include "algocore/drivers/DriverFactory.h"

using namespace algocore;

TEST(DriverFactory, BuildsEveryNamedDriver) {
    const auto names = driver_names();
    ASSERT_EQ(names.front(), "auto");
    EXPECT_EQ(names.size(), 8u);
    for (const auto& name : names) {
        std::string error;
        auto driver = make_driver(name, DriverOptions{}, &error);
        ASSERT_TRUE(driver) << name << ": " << error;
        EXPECT_EQ(driver->name(), name);
    }
}

TEST(DriverFactory, ExplainsAnUnknownName) {
    std::string error;
    EXPECT_FALSE(make_driver("mark11", DriverOptions{}, &error));
    EXPECT_NE(error.find("unknown driver 'mark11'"), std::string::npos);
    EXPECT_NE(error.find("auto|native|mark10|wagner|wagner-fdix|imada|shimpo|ascii"),
              std::string::npos);
}

TEST(DriverFactory, AnUnknownNameIsEchoedEscapedAndBriefly) {
    std::string error;
    EXPECT_FALSE(make_driver("\x1b[2J" + std::string(5000, 'x'), DriverOptions{}, &error));
    EXPECT_EQ(error.find('\x1b'), std::string::npos) << error;
    EXPECT_NE(error.find("unknown driver '\\x1B[2J"), std::string::npos) << error;
    EXPECT_LT(error.size(), 200u);
}

TEST(DriverFactory, RefusesBadOptions) {
    std::string error;
    DriverOptions zero_baud;
    zero_baud.baud = 0;
    EXPECT_FALSE(make_driver("mark10", zero_baud, &error));
    EXPECT_NE(error.find("baud"), std::string::npos);
    DriverOptions zero_scale;
    zero_scale.ascii_scale = 0.0;
    EXPECT_FALSE(make_driver("ascii", zero_scale, &error));
    EXPECT_NE(error.find("scale"), std::string::npos);
}
