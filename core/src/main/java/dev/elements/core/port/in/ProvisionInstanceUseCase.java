package dev.elements.core.port.in;

/** Creating an instance from the code of the provider's callback. */
public interface ProvisionInstanceUseCase {
    /** @return the new instance, with its element token in full, this once */
    InstanceDescription provision(ProvisionInstanceCommand command);
}
