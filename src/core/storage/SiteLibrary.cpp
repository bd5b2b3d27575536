// The built-in site library. Positions are fractions of the 200 x 440 body-map box
// (assets/bodymap/*.svg) for the subject's LEFT side: on the front view the subject's left is
// on the viewer's right (x > 0.5), on the back view it is on the viewer's left (x < 0.5).
//
// mdc_kpa comes from the one table of built-in MDCs (protocols/BuiltinMdc.cpp, with sources).
#include "algocore/storage/SiteLibrary.h"

#include <cctype>

#include "algocore/protocols/BuiltinMdc.h"

namespace algocore::storage {

namespace {

Site site(const char* key, const char* name, const char* region, const char* landmark,
          std::optional<BodyMapPoint> front, std::optional<BodyMapPoint> back, bool dfns = false,
          bool paired = true) {
    Site s;
    s.key = key;
    s.name = name;
    s.region = region;
    s.landmark = landmark;
    s.front = front;
    s.back = back;
    const auto mdc = protocols::builtin_mdc_of(key);
    s.mdc_kpa = mdc ? mdc->mdc_kpa : 0.0;
    s.dfns = dfns;
    s.paired = paired;
    s.builtin = true;
    return s;
}

BodyMapPoint at(double x_px, double y_px) {
    return {x_px / 200.0, y_px / 440.0};
}

std::vector<Site> make_library() {
    return {
        // Myofascial trigger-point sites.
        site("upper_trapezius", "Upper trapezius", "Trapezius (descending part)",
             "Midway between the spinous process of C7 and the acromion, on the muscle belly",
             std::nullopt, at(80, 66)),
        site("levator_scapulae", "Levator scapulae", "Levator scapulae",
             "About 2 cm above the superior angle of the scapula, where the neck meets the "
             "shoulder",
             std::nullopt, at(88, 74)),
        site("supraspinatus", "Supraspinatus", "Supraspinatus",
             "Supraspinous fossa, just above the medial third of the scapular spine", std::nullopt,
             at(80, 84)),
        site("infraspinatus", "Infraspinatus", "Infraspinatus",
             "Infraspinous fossa, about 2 cm below the midpoint of the scapular spine",
             std::nullopt, at(81, 100)),
        site("rhomboids", "Rhomboids", "Rhomboid major and minor",
             "Between the medial border of the scapula and the thoracic spinous processes, "
             "level with the scapular spine",
             std::nullopt, at(93, 98)),
        site("quadratus_lumborum", "Quadratus lumborum", "Quadratus lumborum",
             "Lateral to the lumbar erector spinae, just below the 12th rib, pressing medially",
             std::nullopt, at(86, 206)),
        site("lumbar_erector_spinae", "Lumbar erector spinae", "Erector spinae (lumbar)",
             "About 2 cm lateral to the spinous process of L3", std::nullopt, at(95, 212)),
        site("gluteus_medius", "Gluteus medius", "Gluteus medius",
             "About 2.5 cm below the middle of the iliac crest", std::nullopt, at(76, 232)),
        site("piriformis", "Piriformis", "Piriformis",
             "Midway along a line from the posterior superior iliac spine to the greater "
             "trochanter",
             std::nullopt, at(84, 246)),
        site("gastrocnemius", "Gastrocnemius", "Gastrocnemius (medial head)",
             "Medial calf, at the thickest part of the muscle belly", std::nullopt, at(84, 352)),
        site("masseter", "Masseter", "Masseter",
             "Mid-belly of the masseter, about 1 cm above the angle of the mandible, teeth "
             "lightly apart",
             at(110, 38), std::nullopt),
        site("temporalis", "Temporalis", "Temporalis (anterior part)",
             "Anterior temporalis, about 2 cm above the zygomatic arch behind the orbit",
             at(114, 20), std::nullopt),
        site("tibialis_anterior", "Tibialis anterior", "Tibialis anterior",
             "Upper third of the muscle belly, about 2.5 cm lateral to the tibial crest",
             at(118, 360), std::nullopt),
        site("rectus_femoris", "Rectus femoris", "Quadriceps (rectus femoris)",
             "Anterior thigh, midway between the anterior superior iliac spine and the patella",
             at(118, 290), std::nullopt),
        site("pectoralis_major", "Pectoralis major", "Pectoralis major",
             "Below the clavicle, in the second intercostal space lateral to the sternum",
             at(116, 84), std::nullopt),
        // DFNS QST test sites (Rolke et al. 2006): PPT over the thenar eminence; the other
        // QST areas of the standard battery.
        site("thenar_eminence", "Thenar eminence", "Thenar muscles",
             "Muscle belly of the thenar eminence, palm up", at(161, 256), std::nullopt, true),
        site("dorsum_of_hand", "Dorsum of hand", "Hand",
             "Dorsum of the hand, over the "
             "second and third metacarpals",
             std::nullopt, at(38, 256), true),
        site("dorsum_of_foot", "Dorsum of foot", "Foot",
             "Dorsum of the foot, over the second and third metatarsals", at(124, 426),
             std::nullopt, true),
        site("cheek", "Cheek", "Face (trigeminal V2)", "Cheek, over the maxilla below the orbit",
             at(108, 30), std::nullopt, true),
    };
}

} // namespace

const std::vector<Site>& builtin_sites() {
    static const std::vector<Site> library = make_library();
    return library;
}

std::string site_key_from_name(const std::string& name) {
    std::string key;
    bool gap = false;
    for (unsigned char c : name) {
        if (std::isalnum(c)) {
            if (gap && !key.empty()) key.push_back('_');
            key.push_back(static_cast<char>(std::tolower(c)));
            gap = false;
        } else {
            gap = true;
        }
    }
    return key;
}

} // namespace algocore::storage
