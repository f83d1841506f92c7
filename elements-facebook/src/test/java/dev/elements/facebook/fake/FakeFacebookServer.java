package dev.elements.facebook.fake;

/**
 * The fake Facebook as a program, for trying the platform without a Facebook app: registers one
 * app and one user who logs in at once, and prints the settings that point a server at it.
 *
 * <pre>
 * mvn -q -pl elements-facebook exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.elements.facebook.fake.FakeFacebookServer
 * </pre>
 *
 * Arguments, all optional: port (default 9090), app id (default {@code demo-app}), app secret
 * (default {@code demo-secret}).
 */
public final class FakeFacebookServer {
    private FakeFacebookServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
        String appId = args.length > 1 ? args[1] : "demo-app";
        String appSecret = args.length > 2 ? args[2] : "demo-secret";
        FakeFacebook facebook = FakeFacebook.start(port);
        facebook.registerApp(appId, appSecret);
        FakeUser user = facebook.createUser("Demo User", "demo@example.com");
        facebook.loginAs(user);
        facebook.addPost(user, "Hello from the fake Facebook");
        System.out.println("Fake Facebook listening on " + facebook.baseUrl() + " with app " + appId
                + " (secret " + appSecret + "); everyone who opens the login dialog is " + user.name() + ".");
        System.out.println("Point a server at it with:");
        System.out.println("  export ELEMENTS_FACEBOOKSOCIAL_BASE_URL=" + facebook.graphUrl());
        System.out.println("  export ELEMENTS_FACEBOOKSOCIAL_OAUTH_AUTHORIZATION_URL=" + facebook.authorizationUrl());
        System.out.println("  export ELEMENTS_FACEBOOKSOCIAL_OAUTH_TOKEN_URL=" + facebook.tokenUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(facebook::close));
        Thread.currentThread().join();
    }
}
