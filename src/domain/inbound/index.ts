// Email arriving from the provider: a lead's reply, and events about the emails we sent.
export { INBOUND_ACTOR, receiveInboundEmail, UnroutableEmailError, type InboundAddress, type InboundEmail, type ReceiveResult, type ThreadedBy } from './receive.js';
export { DELIVERY_EVENTS_ACTOR, recordDeliveryEvent, type DeliveryEvent, type DeliveryEventResult } from './delivery-events.js';
