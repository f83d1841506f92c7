package dev.elements.core.port.in;

/** Calling the provider through an instance, with the element token: the reason instances exist. */
public interface CallHubUseCase {
    HubResponse call(HubRequest request);
}
