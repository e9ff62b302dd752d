package org.equitylake.sample;

import java.nio.file.Path;

/** Everything the program exports share: the city, its people, the model, the mess and the truth being written. */
record GenerationContext(long seed, SampleCityOptions options, SampleCityParameters params, CityGeography geo,
                         Population pop, TractProfiles profiles, TakeUpModel model, SubmissionFactory factory,
                         Mess mess, Path landing, TruthWriter truth) {
    int firstYear() {
        return options.firstYear();
    }

    int lastYear() {
        return options.lastYear();
    }
}
