package dev.twinning.common.i18n;

import jakarta.enterprise.context.RequestScoped;

/** The locale the current request is answered in, chosen by {@link LocaleNegotiation}; the default otherwise. */
@RequestScoped
public class RequestLocale {

    private final ContentLocales locales;
    private ContentLocale locale;

    public RequestLocale(ContentLocales locales) {
        this.locales = locales;
    }

    public ContentLocale get() {
        return locale != null ? locale : locales.defaultLocale();
    }

    void set(ContentLocale locale) {
        this.locale = locale;
    }
}
