package dev.twinning.country;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.twinning.common.i18n.RequestLocale;

@ApplicationScoped
public class CountryService {

    private final CountryRepository repository;
    private final RequestLocale locale;

    public CountryService(CountryRepository repository, RequestLocale locale) {
        this.repository = repository;
        this.locale = locale;
    }

    /** Countries named in the request's locale from the JDK's CLDR data (CN is 중국 in ko), sorted by that name. */
    public CountryList list() {
        Locale language = Locale.forLanguageTag(locale.get().tag());
        Collator collator = Collator.getInstance(language);
        return new CountryList(repository.cityCounts().entrySet().stream()
                .map(count -> new CountryResponse(count.getKey(), new Locale("", count.getKey()).getDisplayCountry(language),
                        count.getValue()))
                .sorted(Comparator.comparing(CountryResponse::name, collator).thenComparing(CountryResponse::code))
                .toList());
    }
}
