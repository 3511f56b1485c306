package dev.twinning.country;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every country that has cities; short enough never to need paging. */
public record CountryList(@Schema(required = true) List<CountryResponse> items) {
}
