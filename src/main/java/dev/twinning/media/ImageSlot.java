package dev.twinning.media;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One image a city or page shows, with its role; the list's order is the display order. */
@Embeddable
public class ImageSlot {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "media_id")
    public Media media;

    @Enumerated(EnumType.STRING)
    public ImageRole role;

    public ImageSlot() {
    }

    public ImageSlot(Media media, ImageRole role) {
        this.media = media;
        this.role = role;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageSlot slot && slot.media == media && slot.role == role;
    }

    @Override
    public int hashCode() {
        return 31 * System.identityHashCode(media) + (role == null ? 0 : role.hashCode());
    }
}
