package dev.twinning.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.twinning.common.error.InvalidInputException;

/** Choosing the locale of a request, RFC 4647 lookup style. */
class ContentLocalesTest {

    private final ContentLocales locales = new ContentLocales(List.of("en", "ko", "zh", "ja", "ru", "vi"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ko-KR                               | ko",
            "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7 | ko",
            "zh-Hant-TW                          | zh",
            "zh-Hant-TW;q=0.9, ja;q=0.95          | ja",
            "fr-FR, de;q=0.9, ru;q=0.1           | ru",
            "ko;q=0, vi                          | vi",
            "*                                   | en",
            "fr, *;q=0.5                         | en",
            "fr-CA, de                           | en",
            "!!garbage;;q=x                      | en",
            "ko;q=2                              | en",
            "JA-jp                               | ja",
            "ko_KR, ja;q=0.5                     | ja",
            "en-US;q=0.2, ru;q=0.9, b@d!         | ru"})
    void acceptLanguageIsNegotiatedWithQValuesAndFallsBackQuietly(String header, String expected) {
        assertThat(locales.negotiate(header).tag()).isEqualTo(expected);
        assertThat(locales.resolve(null, header).tag()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ko, ko", "KO, ko", "ko-KR, ko", "zh-Hant-TW, zh", "ru-RU-x-private, ru", "vi-VN, vi", "en, en"})
    void theLocaleParameterIsLookedUpAndWinsOverTheHeader(String parameter, String expected) {
        assertThat(locales.resolve(parameter, "ja").tag()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "de-DE", "not a tag", "ko_KR", "x-private", "toolongsubtag1-ko", "ko--KR", "und"})
    void aMalformedOrUnsupportedLocaleParameterIsA400NamingLocale(String parameter) {
        assertThatThrownBy(() -> locales.resolve(parameter, null)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .allMatch(error -> error.field().equals("locale")));
        assertThat(locales.resolveQuietly(parameter, null)).isEmpty();
    }

    @Test
    void aBlankParameterOrHeaderMeansTheDefault() {
        assertThat(locales.resolve(" ", null).tag()).isEqualTo("en");
        assertThat(locales.resolve(null, "").tag()).isEqualTo("en");
    }

    @Test
    void eachLocaleFallsBackThroughItsLessSpecificTagsThenTheDefault() {
        ContentLocales regional = new ContentLocales(List.of("ko", "en", "zh", "zh-Hant", "zh-Hant-HK"));
        assertThat(regional.defaultTag()).isEqualTo("ko");
        assertThat(regional.resolve("zh-Hant-HK", null).chain()).containsExactly("zh-Hant-HK", "zh-Hant", "zh", "ko");
        assertThat(regional.resolve("zh-hant-tw", null).chain()).containsExactly("zh-Hant", "zh", "ko");
        assertThat(regional.resolve("en-GB", null).chain()).containsExactly("en", "ko");
        assertThat(regional.resolve("ko", null).chain()).containsExactly("ko");
    }

    @Test
    void aBadConfigurationStopsTheStart() {
        assertThatThrownBy(() -> new ContentLocales(List.of("en", "EN"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> new ContentLocales(List.of("en", "not a tag"))).hasMessageContaining("BCP 47");
    }

    @Test
    void sortKeysFollowTheFallbackChainWithTheDefaultColumnInItsPlace() {
        ContentLocales regional = new ContentLocales(List.of("en-GB", "en", "ko"));
        Collations collations = new Collations(null, regional);
        String english = "cast(function('jsonb_extract_path_text', c.translations, 'en', 'name') as String)";
        String korean = "cast(function('jsonb_extract_path_text', c.translations, 'ko', 'name') as String)";
        assertThat(collations.text("c", "name", regional.resolve("en-GB", null)))
                .isEqualTo("coalesce(c.name, " + english + ")");
        assertThat(collations.text("c", "name", regional.resolve("ko", null))).isEqualTo("coalesce(" + korean + ", c.name)");
        assertThat(collations.text("c", "name", locales.defaultLocale())).isEqualTo("c.name");
    }
}
