package dev.twinning.city;

/** Derives a slug from an English name: "Ho Chi Minh City" becomes "ho-chi-minh-city"; empty when nothing is left. */
final class Slugs {

    private Slugs() {
    }

    static String from(String name) {
        String slug = SearchText.normalize(name).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 90) {
            slug = slug.substring(0, 90).replaceAll("-+$", "");
        }
        return slug;
    }
}
