package dev.twinning.media;

/** What an image is to the city or page that shows it. */
public enum ImageRole {
    PHOTO, FLAG, EMBLEM, GALLERY
}
