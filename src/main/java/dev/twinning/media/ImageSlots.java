package dev.twinning.media;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.twinning.common.error.InputErrors;
import dev.twinning.common.error.InvalidInputException;

/** Turns the images a write names into the slots a city or page keeps, the same way for both. */
@ApplicationScoped
public class ImageSlots {

    private final MediaRepository media;

    public ImageSlots(MediaRepository media) {
        this.media = media;
    }

    /**
     * The slots for {@code requests} (none when null), every image looked up; an unknown one is a 400 naming
     * {@code path[i].mediaId}. {@code current} is returned as it is when nothing changes, so an unchanged write
     * does not touch the record.
     */
    public List<ImageSlot> resolve(List<ImageRequest> requests, List<ImageSlot> current, String path) {
        List<ImageRequest> wanted = requests == null ? List.of() : requests;
        InputErrors errors = new InputErrors();
        List<ImageSlot> slots = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            ImageRequest request = wanted.get(i);
            String field = path + "[" + i + "].mediaId";
            Media image = errors.attempt(() -> media.findByIdOptional(request.mediaId())
                    .orElseThrow(() -> new InvalidInputException(field, "no image has id " + request.mediaId())));
            if (image != null) {
                slots.add(new ImageSlot(image, request.role()));
            }
        }
        errors.throwIfAny();
        return slots.equals(current) ? current : slots;
    }
}
