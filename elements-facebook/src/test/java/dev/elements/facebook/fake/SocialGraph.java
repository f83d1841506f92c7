package dev.elements.facebook.fake;

import dev.elements.core.fake.oauth2.FakeClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The people, pages and content of the fake Facebook. Guarded by the fake's lock.
 *
 * <p>Every object and every relation gets a number from one ever-growing sequence. Lists are ordered by it and
 * paging cursors carry it, so a cursor still works after items before it were deleted, as Facebook's do.
 */
final class SocialGraph {

    private static final long FIRST_USER_ID = 10_000_000_000_100L;
    private static final long FIRST_PAGE_ID = 102_000_000_000_000L;
    private static final long FIRST_CONTENT_ID = 900_000_000_000_000L;

    private final FakeClock clock;
    private long sequence;
    private long nextUserId = FIRST_USER_ID;
    private long nextPageId = FIRST_PAGE_ID;
    private long nextContentId = FIRST_CONTENT_ID;

    private final Map<String, FakeUser> users = new LinkedHashMap<>();
    private final Map<String, FakePage> pages = new LinkedHashMap<>();
    private final Map<String, FakePost> posts = new LinkedHashMap<>();
    private final Map<String, FakeComment> comments = new LinkedHashMap<>();
    private final Map<String, FakePhoto> photos = new LinkedHashMap<>();
    private final Map<String, FakeVideo> videos = new LinkedHashMap<>();
    private final Map<String, Long> sequenceOfObject = new HashMap<>();
    /** photo or video id → the file it was published from, when it was uploaded rather than added by a test. */
    private final Map<String, UploadedFile> uploads = new HashMap<>();
    /** user id → friend id → sequence of the friendship. */
    private final Map<String, Map<String, Long>> friendships = new HashMap<>();
    /** user id → page id → the like, for {@code GET /{user}/likes}. */
    private final Map<String, Map<String, Relation>> pageLikesByUser = new HashMap<>();
    /** object id → liker id → the like, for {@code GET /{object}/likes}. */
    private final Map<String, Map<String, Relation>> likesByObject = new HashMap<>();

    /** A dated relation with its place in the sequence. */
    record Relation(long sequence, Instant createdTime) {
    }

    SocialGraph(FakeClock clock) {
        this.clock = clock;
    }

    long nextSequence() {
        return ++sequence;
    }

    // --- users and pages ---

    FakeUser createUser(String name, String email) {
        String id = Long.toString(nextUserId++);
        String trimmed = name.trim();
        int space = trimmed.lastIndexOf(' ');
        String firstName = space < 0 ? trimmed : trimmed.substring(0, space);
        String lastName = space < 0 ? "" : trimmed.substring(space + 1);
        String address = email != null ? email : defaultEmail(trimmed, id);
        FakeUser user = new FakeUser(id, trimmed, firstName, lastName, address);
        users.put(id, user);
        sequenceOfObject.put(id, nextSequence());
        return user;
    }

    private String defaultEmail(String name, String id) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        String candidate = (local.isEmpty() ? "user" : local) + "@example.com";
        boolean taken = users.values().stream().anyMatch(user -> user.email().equals(candidate));
        return taken ? (local.isEmpty() ? "user" : local) + "." + id + "@example.com" : candidate;
    }

    FakePage createPage(String ownerId, String name, String category) {
        String id = Long.toString(nextPageId++);
        FakePage page = new FakePage(id, name, category, ownerId);
        pages.put(id, page);
        sequenceOfObject.put(id, nextSequence());
        return page;
    }

    Optional<FakeUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    Optional<FakePage> page(String id) {
        return Optional.ofNullable(pages.get(id));
    }

    Collection<FakeUser> users() {
        return users.values();
    }

    /** The name of a user or page, for {@code from.name}. */
    String nameOf(String profileId) {
        FakeUser user = users.get(profileId);
        if (user != null) {
            return user.name();
        }
        FakePage page = pages.get(profileId);
        return page != null ? page.name() : null;
    }

    boolean isProfile(String id) {
        return users.containsKey(id) || pages.containsKey(id);
    }

    List<FakePage> pagesOwnedBy(String userId) {
        List<FakePage> owned = new ArrayList<>();
        for (FakePage page : pages.values()) {
            if (userId.equals(page.ownerId())) {
                owned.add(page);
            }
        }
        return owned;
    }

    // --- friends and page likes ---

    void addFriendship(String userId, String otherUserId) {
        if (userId.equals(otherUserId)) {
            throw new IllegalArgumentException("A user cannot befriend themselves");
        }
        long order = nextSequence();
        friendships.computeIfAbsent(userId, ignored -> new LinkedHashMap<>()).putIfAbsent(otherUserId, order);
        friendships.computeIfAbsent(otherUserId, ignored -> new LinkedHashMap<>()).putIfAbsent(userId, order);
    }

    Map<String, Long> friendsOf(String userId) {
        return friendships.getOrDefault(userId, Map.of());
    }

    void addPageLike(String userId, String pageId) {
        pageLikesByUser.computeIfAbsent(userId, ignored -> new LinkedHashMap<>())
                .putIfAbsent(pageId, new Relation(nextSequence(), clock.now()));
    }

    Map<String, Relation> pageLikesOf(String userId) {
        return pageLikesByUser.getOrDefault(userId, Map.of());
    }

    int fanCountOf(String pageId) {
        int fans = 0;
        for (Map<String, Relation> liked : pageLikesByUser.values()) {
            if (liked.containsKey(pageId)) {
                fans++;
            }
        }
        return fans;
    }

    // --- content ---

    FakePost addPost(String ownerId, String fromId, String message, String link) {
        return addPost(ownerId, fromId, message, link, clock.now());
    }

    FakePost addPost(String ownerId, String fromId, String message, String link, Instant createdTime) {
        long order = nextSequence();
        String id = ownerId + "_" + nextContentId++;
        FakePost post = new FakePost(id, ownerId, fromId, nameOf(fromId), message, link, createdTime);
        posts.put(id, post);
        sequenceOfObject.put(id, order);
        return post;
    }

    FakeComment addComment(String objectId, String fromId, String message) {
        long order = nextSequence();
        String id = localPartOf(objectId) + "_" + nextContentId++;
        FakeComment comment = new FakeComment(id, objectId, fromId, nameOf(fromId), message, clock.now());
        comments.put(id, comment);
        sequenceOfObject.put(id, order);
        return comment;
    }

    FakePhoto addPhoto(String ownerId, String caption) {
        long order = nextSequence();
        FakePhoto photo = new FakePhoto(Long.toString(nextContentId++), ownerId, caption, clock.now());
        photos.put(photo.id(), photo);
        sequenceOfObject.put(photo.id(), order);
        return photo;
    }

    FakeVideo addVideo(String ownerId, String title) {
        long order = nextSequence();
        FakeVideo video = new FakeVideo(Long.toString(nextContentId++), ownerId, title, clock.now());
        videos.put(video.id(), video);
        sequenceOfObject.put(video.id(), order);
        return video;
    }

    void keepUpload(String objectId, UploadedFile file) {
        uploads.put(objectId, file);
    }

    Optional<UploadedFile> upload(String objectId) {
        return Optional.ofNullable(uploads.get(objectId));
    }

    Optional<FakePost> post(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    Optional<FakeComment> comment(String id) {
        return Optional.ofNullable(comments.get(id));
    }

    Optional<FakePhoto> photo(String id) {
        return Optional.ofNullable(photos.get(id));
    }

    Optional<FakeVideo> video(String id) {
        return Optional.ofNullable(videos.get(id));
    }

    /** Whether comments and likes can hang off this id. */
    boolean isContent(String id) {
        return posts.containsKey(id) || comments.containsKey(id) || photos.containsKey(id) || videos.containsKey(id);
    }

    long sequenceOf(String objectId) {
        return sequenceOfObject.getOrDefault(objectId, 0L);
    }

    List<FakePost> postsOnFeedOf(String ownerId) {
        List<FakePost> result = new ArrayList<>();
        for (FakePost post : posts.values()) {
            if (post.ownerId().equals(ownerId)) {
                result.add(post);
            }
        }
        return result;
    }

    List<FakePhoto> photosOf(String ownerId) {
        return photos.values().stream().filter(photo -> photo.ownerId().equals(ownerId)).toList();
    }

    List<FakeVideo> videosOf(String ownerId) {
        return videos.values().stream().filter(video -> video.ownerId().equals(ownerId)).toList();
    }

    List<FakeComment> commentsOn(String objectId) {
        return comments.values().stream().filter(comment -> comment.objectId().equals(objectId)).toList();
    }

    void addLike(String objectId, String likerId) {
        likesByObject.computeIfAbsent(objectId, ignored -> new LinkedHashMap<>())
                .putIfAbsent(likerId, new Relation(nextSequence(), clock.now()));
    }

    boolean removeLike(String objectId, String likerId) {
        Map<String, Relation> likers = likesByObject.get(objectId);
        return likers != null && likers.remove(likerId) != null;
    }

    Map<String, Relation> likesOf(String objectId) {
        return likesByObject.getOrDefault(objectId, Map.of());
    }

    /** Deletes a post, comment, photo or video, with the comments and likes hanging off it. */
    boolean deleteContent(String id) {
        boolean removed = posts.remove(id) != null | comments.remove(id) != null
                | photos.remove(id) != null | videos.remove(id) != null;
        if (removed) {
            likesByObject.remove(id);
            uploads.remove(id);
            for (FakeComment reply : commentsOn(id)) {
                deleteContent(reply.id());
            }
        }
        return removed;
    }

    /** The part of an id after the owner prefix: {@code 123_456} → {@code 456}; plain ids stay as they are. */
    private static String localPartOf(String objectId) {
        int underscore = objectId.lastIndexOf('_');
        return underscore < 0 ? objectId : objectId.substring(underscore + 1);
    }
}
